package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.demo.DemoStep;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.playlists.schedule.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Demo content for {@code --demo}: approved health slides (DBD 3M Plus, imunisasi, gizi and stunting, TBC, PSC
 * 119), a short health video with sound, and city information, added by the demo health and city editors through
 * the same checks as an upload. Runs after the demo accounts.
 */
public final class MediaDemo implements DemoStep {
    static final String HEALTH_EDITOR = "dinkes";
    static final String CITY_EDITOR = "kominfo";
    private static final String DINKES = "Dinas Kesehatan Kota Cilegon";

    @Override
    public void seed(Services s) {
        MediaLibrary library = (MediaLibrary) s.mediaCatalog;
        User health = user(s, HEALTH_EDITOR);
        User city = user(s, CITY_EDITOR);
        String green = Slide.Palette.HEALTH_GREEN.background;
        String red = Slide.Palette.ALERT_RED.background;
        String blue = Slide.Palette.CITY_BLUE.background;
        slide(library, health, "Cegah DBD dengan 3M Plus", "Menguras, menutup dan mendaur ulang barang bekas. "
                + "Cegah gigitan nyamuk, setiap minggu.", green, "https://dinkes.cilegon.go.id/dbd",
                DINKES, List.of("dbd"));
        slide(library, health, "Imunisasi lengkap, anak sehat", "Bawa buku KIA ke Posyandu atau Puskesmas. "
                + "Imunisasi gratis.", green, null, "Puskesmas Citangkil", List.of("imunisasi"));
        slide(library, health, "Cegah stunting sejak dini", "Gizi seimbang untuk ibu hamil dan balita. Timbang "
                + "balita setiap bulan di Posyandu.", green, null, DINKES, List.of("gizi", "stunting"));
        slide(library, health, "Batuk lebih dari 2 minggu?", "Periksakan diri: cek kesehatan TBC gratis di "
                + "Puskesmas terdekat.", Slide.Palette.CITY_BLUE.background, "https://wa.me/6281234567890",
                "Puskesmas Citangkil", List.of("tbc"));
        slide(library, health, "Gawat darurat? Telepon 119", "Layanan PSC 119 Kota Cilegon siaga 24 jam, gratis.",
                red, null, DINKES, List.of("psc-119"));
        video(library, health, "cuci-tangan-dbd.mp4", new Metadata("Video edukasi DBD", DINKES, Category.HEALTH,
                List.of("dbd"), null, null, Metadata.DEFAULT_DISPLAY_SECONDS));
        slide(library, city, "Car Free Day setiap Minggu", "Jalan Sudirman, pukul 06.00–09.00 WIB.", blue, null,
                "Pemerintah Kota Cilegon", List.of("kota"), Category.CITY);
        video(library, city, "info-kota.mp4", new Metadata("Info Kota Cilegon", "Pemerintah Kota Cilegon",
                Category.CITY, List.of("kota"), null, null, Metadata.DEFAULT_DISPLAY_SECONDS));
    }

    private static User user(Services s, String username) {
        return s.users.findByUsername(username).orElseThrow(() -> new IllegalStateException(
                "demo content needs the demo account " + username + "; seed the demo accounts first"));
    }

    private static void slide(MediaLibrary library, User by, String title, String text, String bg, String qr,
                              String owner, List<String> tags) {
        slide(library, by, title, text, bg, qr, owner, tags, Category.HEALTH);
    }

    private static void slide(MediaLibrary library, User by, String title, String text, String bg, String qr,
                              String owner, List<String> tags, Category category) {
        library.importSlide(by, Slide.parse(title, text, bg, "#ffffff", qr),
                new Metadata(title, owner, category, tags, null, null, Metadata.DEFAULT_DISPLAY_SECONDS));
    }

    private static void video(MediaLibrary library, User by, String resource, Metadata meta) {
        try (InputStream in = MediaDemo.class.getResourceAsStream("demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("demo video " + resource + " missing from the jar");
            }
            Path tmp = library.store().newTemp("-" + resource);
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                library.importApproved(by, tmp, meta);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot seed demo video " + resource, e);
        }
    }
}
