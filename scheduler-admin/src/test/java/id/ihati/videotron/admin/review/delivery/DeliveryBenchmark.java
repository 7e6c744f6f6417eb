package id.ihati.videotron.admin.review.delivery;

import com.zaxxer.hikari.HikariDataSource;
import id.ihati.videotron.admin.AdminConfig;
import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.booking.PublishedSchedule;
import id.ihati.videotron.admin.db.Database;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.review.ReviewSources;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Benchmark (not a test): the delivery report for 100 screens × 30 days of proof of play (≈10 million records).
 * Run with {@code bin/bench-delivery [h2|postgres] [screens] [days]}. Generates the records in SQL (fast on both
 * databases), then times the whole report — plan by the resolver, SQL counting, calculation — first from the
 * raw {@code play_record} table, then with past days in the daily rollup {@code play_daily} as the server keeps
 * them.
 */
public final class DeliveryBenchmark {
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int screens = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String url = db.equals("postgres") ? TestDatabases.newPostgresDatabase() : TestDatabases.h2Url();
        try (HikariDataSource ds = TestDatabases.pool(url)) {
            Database.migrate(ds);
            LocalDate last = FIRST.plusDays(days - 1);
            // The server's clock: the morning after the last day, so every day of the period is in the past.
            Clock clock = Clock.fixed(last.plusDays(1).atTime(9, 0).atZone(WIB).toInstant(), ZoneOffset.UTC);
            Services s = new Services(AdminConfig.of(0, Files.createTempDirectory("bench")), ds, clock);
            var profiles = new ArrayList<ScreenProfile>();
            s.jdbi.useTransaction(h -> {
                for (int i = 0; i < screens; i++) {
                    ScreenProfile p = screen(i);
                    s.screens.insert(h, p, null, Instant.EPOCH);
                    profiles.add(p);
                }
            });
            long t0 = System.nanoTime();
            long rows = generate(s, db, screens, days);
            System.out.printf("generated %,d play records for %d screens x %d days in %.1f s (%s)%n", rows, screens, days,
                    (System.nanoTime() - t0) / 1e9, db);
            s.review.useSources(new ReviewSources(s.screens::profiles, (from, to) -> List.of(
                    new ReviewSources.VersionInForce(1, FIRST.minusDays(1).atStartOfDay(WIB).toInstant(), schedule())),
                    catalog(), new SqlProof(s.jdbi, clock)));

            time("raw play_record", () -> s.review.delivery(s.screens.profiles(), FIRST, last));
            t0 = System.nanoTime();
            rollup(s, days);
            System.out.printf("rolled up into play_daily in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            time("play_daily rollup", () -> s.review.delivery(s.screens.profiles(), FIRST, last));
        }
        System.exit(0);
    }

    interface Report {
        DeliveryReport run();
    }

    static void time(String label, Report report) {
        long best = Long.MAX_VALUE;
        DeliveryReport r = null;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            r = report.run();
            best = Math.min(best, System.nanoTime() - t);
            System.out.printf("  %s run %d: %.2f s%n", label, i + 1, (System.nanoTime() - t) / 1e9);
        }
        var health = r.categories().stream().filter(c -> c.category() == Category.HEALTH).findFirst().orElseThrow();
        System.out.printf("report from %s: best %.2f s — %,d plays planned, %,d delivered (%.1f %%); health %.1f %% of"
                        + " screen time, %.1f %% delivered; %d rows%n", label, best / 1e9, r.total().planned(),
                r.total().delivered(), r.total().deliveryPercent(), health.sharePercent(), health.tally().deliveryPercent(),
                r.rows().size());
    }

    static ScreenProfile screen(int i) {
        var hours = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            hours.put(d, List.of(new TimeWindow(LocalTime.of(6, 0), LocalTime.of(20, 0))));
        }
        return new ScreenProfile("s%03d".formatted(i), "Videotron %03d".formatted(i), null, WIB, new Resolution(960, 480),
                120, 15, hours, Map.of(Category.HEALTH, 40), FitMode.CONTAIN, false, Set.of(i % 2 == 0 ? "utara" : "selatan"),
                null);
    }

    static PublishedSchedule schedule() {
        var health = new Booking("b-health", "DBD 3M Plus", Category.HEALTH, "Dinkes", List.of("m-h1"), Targets.all(),
                FIRST.minusDays(1), FIRST.plusDays(90), Set.of(), List.of(), new Frequency.PerLoop(3), 5);
        var imun = new Booking("b-imun", "Imunisasi", Category.HEALTH, "Dinkes", List.of("m-h2"), Targets.all(),
                FIRST.minusDays(1), FIRST.plusDays(90), Set.of(), List.of(), new Frequency.PerLoop(1), 4);
        var city = new Booking("b-city", "Festival", Category.CITY, "Diskominfo", List.of("m-c1"),
                new Targets(Set.of(), Set.of("utara"), false), FIRST.minusDays(1), FIRST.plusDays(90), Set.of(),
                List.of(), new Frequency.PerLoop(1), 3);
        return new PublishedSchedule(1, List.of(health, imun, city), List.of(), new Filler(List.of("m-f1")));
    }

    static MediaCatalog catalog() {
        return new MediaCatalog() {
            @Override
            public Optional<Media> forScreen(String id, ScreenProfile screen) {
                return Optional.of(new Media(id, MediaKind.IMAGE, "%064x".formatted(Math.abs(id.hashCode())), 1000,
                        15_000, new Resolution(960, 480), id, "Dinkes", List.of(), null, null, false, null));
            }

            @Override
            public Optional<Path> file(String sha256) {
                return Optional.empty();
            }
        };
    }

    /**
     * One record per slot from 06:00 to 20:00 WIB (3,360 a day): slots 0–2 DBD, 3 imunisasi, 4 the city booking,
     * 5–7 filler; one in 97 failed.
     */
    static long generate(Services s, String db, int screens, int days) {
        long perDay = 14 * 3600 / 15;
        long perScreen = perDay * days;
        Instant base = FIRST.atTime(6, 0).atZone(WIB).toInstant();
        String ts = "TIMESTAMP WITH TIME ZONE '" + base.toString().replace("T", " ").replace("Z", "+00") + "'";
        String offset = "(FLOOR(n / " + perDay + ") * 86400 + MOD(n, " + perDay + ") * 15)";
        String plus = db.equals("postgres") ? ts + " + " + offset + " * INTERVAL '1 second'"
                : "DATEADD(SECOND, " + offset + ", " + ts + ")";
        String plusEnd = db.equals("postgres") ? ts + " + (" + offset + " + 15) * INTERVAL '1 second'"
                : "DATEADD(SECOND, " + offset + " + 15, " + ts + ")";
        String series = db.equals("postgres") ? "generate_series(0, " + (perScreen - 1) + ") AS g(n)"
                : "(SELECT X - 1 AS n FROM SYSTEM_RANGE(1, " + perScreen + "))";
        String source = "CASE WHEN MOD(n, 8) < 3 THEN 'b-health' WHEN MOD(n, 8) = 3 THEN 'b-imun'"
                + " WHEN MOD(n, 8) = 4 THEN 'b-city' ELSE NULL END";
        String category = "CASE WHEN MOD(n, 8) < 4 THEN 'HEALTH' WHEN MOD(n, 8) = 4 THEN 'CITY' ELSE 'FILLER' END";
        long total = 0;
        for (int i = 0; i < screens; i++) {
            String screen = "s%03d".formatted(i);
            // Odd screens are in group "selatan", which the city booking does not target: filler plays there.
            String src = i % 2 == 0 ? source : source.replace("'b-city'", "NULL");
            String cat = i % 2 == 0 ? category : category.replace("'CITY'", "'FILLER'");
            total += s.jdbi.withHandle(h -> h.createUpdate("INSERT INTO play_record (play_id, screen_id, seq, media_id,"
                    + " source_id, category, planned_start, planned_end, actual_start, actual_end, completed, error,"
                    + " prev_hash, hash, received_at) SELECT '" + screen + "-' || CAST(n AS VARCHAR(20)), '" + screen
                    + "', n + 1, 'm', " + src + ", " + cat + ", " + plus + ", " + plusEnd + ", " + plus + ", " + plusEnd
                    + ", MOD(n, 97) <> 0, CASE WHEN MOD(n, 97) = 0 THEN 'MEDIA_ERROR' END, 'x', 'y', " + ts
                    + " FROM " + series).execute());
        }
        return total;
    }

    /** What the rollup job leaves in play_daily for past days, computed in one statement. */
    static void rollup(Services s, int days) {
        var proof = new SqlProof(s.jdbi);
        var ids = s.screens.profiles().stream().map(ScreenProfile::id).toList();
        var counts = proof.raw(ids, WIB, FIRST, FIRST.plusDays(days - 1));
        s.jdbi.useTransaction(h -> {
            var batch = h.prepareBatch("""
                    INSERT INTO play_daily (screen_id, play_day, source_id, media_id, category, plays, completed_plays,
                        played_seconds, rolled_up_at) VALUES (:s, :d, :src, 'm', :c, :p, :cp, 0, :now)""");
            for (var c : counts) {
                batch.bind("s", c.screenId()).bind("d", c.day()).bind("src", c.sourceId() == null ? "" : c.sourceId())
                        .bind("c", c.category().name()).bind("p", c.completed() + c.failed()).bind("cp", c.completed())
                        .bind("now", java.sql.Timestamp.from(Instant.EPOCH)).add();
            }
            batch.execute();
        });
    }
}
