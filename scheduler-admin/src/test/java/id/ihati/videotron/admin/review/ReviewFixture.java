package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.booking.PublishedSchedule;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.review.ReviewSources.VersionInForce;
import id.ihati.videotron.admin.review.delivery.Inputs.ChainStatus;
import id.ihati.videotron.admin.review.delivery.Inputs.OfflineInterval;
import id.ihati.videotron.admin.review.delivery.Inputs.ReportedCount;
import id.ihati.videotron.admin.review.delivery.Inputs.ScreenInfo;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small Cilegon for review tests: two screens in the real screens table, two schedule versions, an alert, and
 * proof of play for 24 November 2026 with an offline hour, media errors and a tampered chain on one screen.
 * The server's clock stands at Wednesday 25 November 2026, 10:00 WIB.
 *
 * <p>The schedule history, media and proof of play are given to the review feature directly as
 * {@link ReviewSources} (the screens are real rows), so these tests state exactly what was planned and reported
 * without driving the booking form and the player API; {@code SqlProofTest} covers the SQL side.
 */
public final class ReviewFixture {
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    public static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    public static final LocalDate REPORT_DAY = LocalDate.of(2026, 11, 24);

    private ReviewFixture() {
    }

    public static TestAdmin start() {
        TestAdmin admin = TestAdmin.start(TestDatabases.h2Url(), Clock.fixed(NOW, ZoneOffset.UTC));
        install(admin);
        return admin;
    }

    public static ScreenProfile alun() {
        var hours = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(new TimeWindow(LocalTime.of(6, 0), LocalTime.of(22, 0))));
        }
        return new ScreenProfile("alun", "Alun-alun Cilegon", new Location("Alun-alun Kota Cilegon", -6.0169, 106.0544),
                WIB, new Resolution(960, 480), 120, 15, hours, Map.of(Category.HEALTH, 40), FitMode.CONTAIN, false,
                Set.of("pusat-kota"), null);
    }

    public static ScreenProfile pasar() {
        return TestScreens.profile("pasar");
    }

    static Media media(String id, String title, long millis) {
        return new Media(id, MediaKind.IMAGE, "%064x".formatted(Math.abs(id.hashCode())), 1000, millis,
                new Resolution(960, 480), title, "Dinkes", List.of(), null, null, false, null);
    }

    public static final List<Media> MEDIA = List.of(media("m-dbd", "Cegah DBD dengan 3M Plus", 15_000),
            media("m-imun", "Imunisasi lengkap", 15_000), media("m-festival", "Festival Budaya Cilegon", 15_000),
            media("m-filler", "Cilegon Kota Industri", 15_000), media("m-banjir", "Waspada banjir", 15_000));

    public static Booking dbd(Frequency f) {
        return new Booking("b-dbd", "DBD 3M Plus <script>alert(1)</script>", Category.HEALTH, "Dinas Kesehatan",
                List.of("m-dbd"), Targets.all(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31), Set.of(),
                List.of(), f, 5);
    }

    public static Booking festival() {
        return new Booking("b-festival", "Festival Budaya", Category.CITY, "Diskominfo", List.of("m-festival"),
                Targets.screens("alun"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), Set.of(),
                List.of(new TimeWindow(LocalTime.of(8, 0), LocalTime.of(20, 0))), new Frequency.PerLoop(1), 3);
    }

    public static Booking imunisasi() {
        return new Booking("b-imun", "Imunisasi Anak", Category.HEALTH, "Puskesmas Cilegon", List.of("m-imun"),
                Targets.all(), LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 20), Set.of(), List.of(),
                new Frequency.PerLoop(1), 4);
    }

    public static Alert flood() {
        return new Alert("a-banjir", "Waspada banjir", "m-banjir", Targets.screens("alun"),
                REPORT_DAY.atTime(9, 0).atZone(WIB).toInstant(), REPORT_DAY.atTime(9, 10).atZone(WIB).toInstant(), 9);
    }

    public static List<VersionInForce> versions() {
        var filler = new Filler(List.of("m-filler"));
        return List.of(
                new VersionInForce(1, LocalDate.of(2026, 11, 1).atStartOfDay(WIB).toInstant(),
                        new PublishedSchedule(1, List.of(dbd(new Frequency.PerLoop(2)), festival()), List.of(), filler)),
                new VersionInForce(2, LocalDate.of(2026, 11, 20).atStartOfDay(WIB).toInstant(),
                        new PublishedSchedule(2, List.of(dbd(new Frequency.PerLoop(3)), festival(), imunisasi()),
                                List.of(flood()), filler)));
    }

    static MediaCatalog catalog() {
        return new MediaCatalog() {
            @Override
            public Optional<Media> forScreen(String mediaId, ScreenProfile screen) {
                return MEDIA.stream().filter(m -> m.id().equals(mediaId)).findFirst();
            }

            @Override
            public Optional<Path> file(String sha256) {
                return Optional.empty();
            }
        };
    }

    /** Creates the screens and points the review feature at this fixture's schedule, media and proof. */
    public static void install(TestAdmin admin) {
        TestScreens.create(admin, alun());
        TestScreens.create(admin, pasar());
        ReviewService review = admin.services().review;
        List<VersionInForce> versions = versions();
        ReviewSources.ScheduleHistory history = (from, to) -> {
            var out = new ArrayList<VersionInForce>();
            for (int i = 0; i < versions.size(); i++) {
                Instant end = i + 1 < versions.size() ? versions.get(i + 1).from() : Instant.MAX;
                if (versions.get(i).from().isBefore(to) && end.isAfter(from)) {
                    out.add(versions.get(i));
                }
            }
            return out;
        };
        var plain = new ReviewSources(admin.services().screens::profiles, history, catalog(), proof(List.of(), List.of(), Map.of()));
        review.useSources(plain);
        // Proof of play of REPORT_DAY: "pasar" reported everything; "alun" was offline 13:00–14:00 WIB, two DBD
        // plays failed, and one record was edited after it was signed.
        List<PlayRecord> records = new ArrayList<>();
        Instant dayStart = REPORT_DAY.atStartOfDay(WIB).toInstant();
        Instant dayEnd = REPORT_DAY.plusDays(1).atStartOfDay(WIB).toInstant();
        Instant offFrom = REPORT_DAY.atTime(13, 0).atZone(WIB).toInstant();
        Instant offTo = REPORT_DAY.atTime(14, 0).atZone(WIB).toInstant();
        Map<String, ChainStatus> chains = new HashMap<>();
        for (ScreenProfile s : List.of(alun(), pasar())) {
            String prev = PlayRecord.GENESIS;
            long seq = 1;
            int dbdFailures = 0;
            var own = new ArrayList<PlayRecord>();
            for (PlannedPlay p : review.timeline(s, dayStart, dayEnd).plays()) {
                if (s.id().equals("alun") && !p.start().isBefore(offFrom) && p.start().isBefore(offTo)) {
                    continue;
                }
                boolean failed = s.id().equals("alun") && "b-dbd".equals(p.sourceId()) && dbdFailures++ < 2;
                var r = PlayRecord.chained("p-" + s.id() + "-" + seq, s.id(), seq, p.mediaId(), p.sourceId(), p.category(),
                        p.start(), p.end(), p.start(), p.end(), !failed, failed ? "MEDIA_ERROR: decode" : null, prev);
                own.add(r);
                prev = r.hash();
                seq++;
            }
            if (s.id().equals("alun")) {
                PlayRecord t = own.get(10);
                own.set(10, new PlayRecord(t.playId(), t.screenId(), t.seq(), t.mediaId(), t.sourceId(), t.category(),
                        t.plannedStart(), t.plannedEnd(), t.actualStart(), t.actualEnd().plusSeconds(5), t.completed(),
                        t.error(), t.prevHash(), t.hash(), null));
            }
            ChainCheck check = ChainCheck.verify(own, PlayRecord.GENESIS, 1);
            chains.put(s.id(), new ChainStatus(check.intact(), check.problems()));
            records.addAll(own);
        }
        var counts = ReportedCount.count(records, Map.of("alun", WIB, "pasar", WIB));
        var offline = List.of(new OfflineInterval("alun", offFrom, offTo));
        review.useSources(new ReviewSources(plain.screens(), history, plain.media(), proof(counts, offline, chains)));
    }

    /** Proof of play as given: the fixture's own, instead of the SQL tables. */
    private static ReviewSources.Proof proof(List<ReportedCount> counts, List<OfflineInterval> offline,
                                             Map<String, ChainStatus> chains) {
        return new ReviewSources.Proof() {
            @Override
            public List<ReportedCount> counts(Collection<ScreenInfo> screens, LocalDate from, LocalDate to) {
                return counts;
            }

            @Override
            public List<OfflineInterval> offline(Collection<String> screenIds, Instant from, Instant to) {
                return offline;
            }

            @Override
            public Map<String, ChainStatus> chains(Collection<String> screenIds) {
                return chains;
            }
        };
    }
}
