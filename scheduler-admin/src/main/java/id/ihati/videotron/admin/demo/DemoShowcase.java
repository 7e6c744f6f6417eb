package id.ihati.videotron.admin.demo;

import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.booking.Scheduling;
import id.ihati.videotron.admin.media.MediaItem;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.media.Metadata;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo's screens, content and published schedule: three videotrons at busy crossroads of Cilegon plus
 * "Demo lokal", the screen of the player that {@code bin/run-demo} starts beside the server; health
 * education from Dinkes and its Puskesmas beside city information; a published schedule with filler.
 */
final class DemoShowcase implements DemoStep {
    static final String LOCAL_SCREEN = "demo-lokal";
    private static final String CENTRE = "pusat-kota";

    @Override
    public void seed(DemoParts s) {
        User admin = user(s, "admin");
        User dinkes = user(s, "dinkes");
        User kominfo = user(s, "kominfo");
        User puskesmas = user(s, "puskesmas.citangkil");
        seedScreens(s);
        MediaLibrary library = s.library();
        LocalDate today = LocalDate.now(s.clock().withZone(ScreenProfile.DEFAULT_ZONE));

        String dbd = slide(library, dinkes, "Cegah DBD dengan 3M Plus",
                "Menguras, Menutup, dan Mendaur ulang. Plus: pakai losion anti nyamuk dan tanam tanaman pengusir nyamuk.",
                Slide.Palette.HEALTH_GREEN, "https://dinkes.cilegon.go.id/dbd", Category.HEALTH, "Dinas Kesehatan Kota Cilegon", "dbd");
        String imunisasi = slide(library, dinkes, "Imunisasi Lengkap, Anak Sehat",
                "Bawa balita ke Posyandu atau Puskesmas terdekat. Imunisasi gratis setiap bulan.",
                Slide.Palette.HEALTH_GREEN, null, Category.HEALTH, "Puskesmas Citangkil", "imunisasi");
        String gizi = slide(library, puskesmas, "Cegah Stunting Sejak Dini",
                "Gizi seimbang untuk ibu hamil dan anak. Pantau tumbuh kembang di Posyandu.",
                Slide.Palette.BLACK_ON_YELLOW, null, Category.HEALTH, "Puskesmas Citangkil", "gizi", "stunting");
        library.approvals().approve(dinkes, gizi); // a contributor's slide waits for Dinkes, as in real use
        String tbc = slide(library, dinkes, "Batuk 2 Minggu? Cek TBC!",
                "Pemeriksaan dan pengobatan TBC gratis di seluruh Puskesmas Kota Cilegon.",
                Slide.Palette.HEALTH_GREEN, "https://dinkes.cilegon.go.id/tbc", Category.HEALTH, "Dinas Kesehatan Kota Cilegon", "tbc");
        String psc = slide(library, dinkes, "Gawat Darurat? Hubungi PSC 119",
                "Layanan ambulans gratis 24 jam untuk warga Kota Cilegon.",
                Slide.Palette.ALERT_RED, null, Category.HEALTH, "Dinas Kesehatan Kota Cilegon", "psc-119");
        String tangan = file(library, dinkes, "cuci-tangan.mp4", "Cuci Tangan Pakai Sabun", Category.HEALTH,
                "Dinas Kesehatan Kota Cilegon", "phbs");
        String poster = file(library, dinkes, "poster-sehat.jpg", "Germas: Gerakan Masyarakat Hidup Sehat",
                Category.HEALTH, "Dinas Kesehatan Kota Cilegon", "germas");
        String kotaVideo = file(library, kominfo, "info-kota.mp4", "Cilegon Kota Industri yang Ramah",
                Category.CITY, "Diskominfo Kota Cilegon", "kota");
        String kotaGambar = file(library, kominfo, "info-kota.png", "Layanan Adminduk Online", Category.CITY,
                "Diskominfo Kota Cilegon", "layanan");
        String cfd = slide(library, kominfo, "Car Free Day Setiap Minggu",
                "Jalan S.A. Tirtayasa bebas kendaraan pukul 06.00–09.00 WIB. Ayo olahraga bersama!",
                Slide.Palette.CITY_BLUE, null, Category.CITY, "Diskominfo Kota Cilegon", "cfd");

        Targets everywhere = new Targets(Set.of(LOCAL_SCREEN), Set.of(CENTRE), false);
        LocalDate until = today.plusMonths(3);
        Scheduling scheduling = s.scheduling();
        scheduling.saveDraft(dinkes, booking("Pencegahan DBD 3M Plus", Category.HEALTH, "Dinas Kesehatan Kota Cilegon",
                List.of(dbd, tangan), everywhere, today, until, new Frequency.PerLoop(2), 5));
        scheduling.saveDraft(dinkes, booking("Imunisasi dan Gizi Anak", Category.HEALTH, "Puskesmas Citangkil",
                List.of(imunisasi, gizi), everywhere, today, until, new Frequency.PerLoop(2), 4));
        scheduling.saveDraft(dinkes, booking("Cek TBC dan PSC 119", Category.HEALTH, "Dinas Kesehatan Kota Cilegon",
                List.of(tbc, psc), everywhere, today, until, new Frequency.PerLoop(1), 4));
        scheduling.saveDraft(kominfo, booking("Informasi Kota Cilegon", Category.CITY, "Diskominfo Kota Cilegon",
                List.of(kotaVideo, cfd, kotaGambar), everywhere, today, until, new Frequency.PerLoop(3), 3));
        scheduling.publish(admin, scheduling.latestNumber(), "Jadwal demo: edukasi kesehatan dan informasi kota");
        scheduling.setFiller(admin, new Filler(List.of(poster, cfd)), scheduling.latestNumber(), "Filler demo");
        issueLocalPlayerToken(s);
    }

    private static void seedScreens(DemoParts s) {
        var hours = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(new TimeWindow(LocalTime.of(5, 0), LocalTime.MIDNIGHT)));
        }
        Map<Category, Integer> shares = Map.of(Category.HEALTH, 40);
        List<ScreenProfile> screens = List.of(
                new ScreenProfile("simpang-tiga", "Videotron Simpang Tiga",
                        new Location("Simpang Tiga Jl. S.A. Tirtayasa – Jl. Ahmad Yani, Cilegon", -6.0047, 106.0541),
                        null, new Resolution(960, 480), 120, 10, hours, shares, FitMode.CONTAIN, false,
                        Set.of(CENTRE), null),
                new ScreenProfile("alun-alun", "Videotron Alun-Alun Cilegon",
                        new Location("Alun-Alun Kota Cilegon, Jl. Jend. Sudirman", -6.0172, 106.0560),
                        null, new Resolution(1152, 576), 120, 10, hours, shares, FitMode.COVER, false,
                        Set.of(CENTRE), null),
                new ScreenProfile("pci-cibeber", "Videotron Bundaran PCI",
                        new Location("Bundaran PCI, Jl. Raya Cilegon – Cibeber", -6.0262, 106.0433),
                        null, new Resolution(768, 384), 120, 10, hours, shares, FitMode.CONTAIN, false,
                        Set.of(CENTRE), null),
                new ScreenProfile(LOCAL_SCREEN, "Demo lokal",
                        new Location("Pemutar demo di komputer ini (bin/run-demo)", -6.0170, 106.0530),
                        null, new Resolution(960, 480), 60, 5, ScreenProfile.alwaysOn(), shares, FitMode.CONTAIN,
                        false, Set.of(), new OutputArea(0, 0, 960, 480)));
        s.jdbi().useTransaction(h -> {
            for (ScreenProfile p : screens) {
                s.screens().insert(h, p, "Data demo", s.clock().instant());
                s.audit().record(h, "system", "SCREEN_CREATE", "screen", p.id(), "demo");
            }
        });
    }

    /**
     * The local player's token and device key (as a pairing would make them: its plays go signed), left beside
     * the admin data for bin/run-demo to hand over (owner-only). The key file has the player's
     * {@code device-key} format: public key, then private key, base64, one a line.
     */
    private static void issueLocalPlayerToken(DemoParts s) {
        KeyPair key = PlaySignatures.generate();
        String token = s.jdbi().inTransaction(h -> s.deviceTokens().issue(h, LOCAL_SCREEN, "localhost", "system",
                PlaySignatures.encode(key.getPublic())));
        writeOwnerOnly(s.dataDir().resolve("demo-player-key"),
                PlaySignatures.encode(key.getPublic()) + "\n" + PlaySignatures.encode(key.getPrivate()) + "\n");
        writeOwnerOnly(s.dataDir().resolve("demo-player-token"), token);
    }

    private static void writeOwnerOnly(Path file, String text) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), "secret", ".tmp",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Booking booking(String title, Category category, String owner, List<String> items,
                                   Targets targets, LocalDate from, LocalDate to, Frequency frequency, int priority) {
        return new Booking(Scheduling.newBookingId(), title, category, owner, items, targets, from, to, Set.of(),
                List.of(), frequency, priority);
    }

    private static String slide(MediaLibrary library, User actor, String title, String text, Slide.Palette palette,
                                String qr, Category category, String owner, String... tags) {
        Slide slide = new Slide(title, text, palette.background, palette.foreground, qr);
        return library.importSlide(actor, slide, meta(title, category, owner, tags)).id();
    }

    private static String file(MediaLibrary library, User actor, String resource, String title, Category category,
                               String owner, String tag) {
        try (InputStream in = DemoShowcase.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("demo file missing from the build: " + resource);
            }
            // Under its own name: the library keeps the file name as the upload's original name.
            Path dir = Files.createTempDirectory("ihati-demo");
            Path tmp = dir.resolve(resource);
            Files.copy(in, tmp);
            try {
                MediaItem item = library.importApproved(actor, tmp, meta(title, category, owner, tag));
                return item.id();
            } finally {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import demo file " + resource, e);
        }
    }

    /** Tags as an upload form would leave them: lower case, words joined by '-'. */
    private static Metadata meta(String title, Category category, String owner, String... tags) {
        return new Metadata(title, owner, category, List.of(tags), null, null, 5);
    }

    private static User user(DemoParts s, String username) {
        return s.users().findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("demo account " + username + " missing"));
    }
}
