package id.ihati.videotron.admin.review.delivery;

import com.zaxxer.hikari.HikariDataSource;
import id.ihati.videotron.admin.AdminConfig;
import id.ihati.videotron.admin.Wiring;
import id.ihati.videotron.admin.booking.PublishedSchedule;
import id.ihati.videotron.admin.dashboard.PlayRollup;
import id.ihati.videotron.admin.db.Database;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.player.ProofOfPlay;
import id.ihati.videotron.admin.review.ReviewSources;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
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
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Benchmark (not a test): the delivery report for 100 screens × 30 days of proof of play (≈10 million records).
 * Run with {@code bin/bench-delivery [h2|postgres] [screens] [days]}. Generates chained, hashed records as the
 * players upload them (PostgreSQL: COPY; H2: JDBC batches; one thread per core), then times the whole report —
 * plan by the resolver, SQL counting, calculation — first from the raw {@code play_record} table, then after the
 * server's rollup job has filled the daily rollup {@code play_daily} (timed on its own: it is not the report).
 */
public final class DeliveryBenchmark {
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
    /** Threads (and connections) generating records: one per core unless -Dbench.threads says otherwise. */
    static final java.lang.management.ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    static final int THREADS = Integer.getInteger("bench.threads", Runtime.getRuntime().availableProcessors());

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int screens = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path dir = Files.createTempDirectory("bench-delivery");
        // H2 as the server keeps it: a file database (in memory, ten million rows would need a 10 GB heap). H2
        // would hand the second run the first run's result (nothing changed in between); on a server players
        // upload all the time, so the benchmark turns that reuse off.
        String url = db.equals("postgres") ? TestDatabases.newPostgresDatabase()
                : "jdbc:h2:file:" + dir.resolve("ihati") + ";DB_CLOSE_ON_EXIT=FALSE;OPTIMIZE_REUSE_RESULTS=FALSE";
        try (HikariDataSource ds = TestDatabases.pool(url)) {
            Database.migrate(ds);
            LocalDate last = FIRST.plusDays(days - 1);
            // The server's clock: the morning after the last day, so every day of the period is in the past.
            Clock clock = Clock.fixed(last.plusDays(1).atTime(9, 0).atZone(WIB).toInstant(), ZoneOffset.UTC);
            Wiring s = new Wiring(AdminConfig.of(0, dir), ds, clock);
            s.jdbi.useTransaction(h -> {
                for (int i = 0; i < screens; i++) {
                    s.screens.insert(h, screen(i), null, Instant.EPOCH);
                }
            });
            long t0 = System.nanoTime();
            long rows = generate(ds, db, screens, days);
            double generated = seconds(t0);
            t0 = System.nanoTime();
            // What autovacuum (PostgreSQL) and H2's own statistics would catch up with after a bulk load.
            s.jdbi.useHandle(h -> h.execute(db.equals("postgres") ? "VACUUM ANALYZE play_record" : "ANALYZE"));
            System.out.printf("generated %,d chained play records for %d screens x %d days in %.1f s (%s, %d threads),"
                            + " statistics %.1f s%n", rows, screens, days, generated, db,
                    Math.min(screens, THREADS), seconds(t0));
            verifyChain(s, clock, "s000", last);

            s.review.useSources(new ReviewSources(s.screens::profiles, (from, to) -> List.of(
                    new ReviewSources.VersionInForce(1, FIRST.minusDays(1).atStartOfDay(WIB).toInstant(), schedule())),
                    catalog(), new SqlProof(s.jdbi, clock)));
            var infos = s.screens.profiles().stream().map(p -> new Inputs.ScreenInfo(p.id(), p.name(), WIB)).toList();

            // Once: without the rollup the report is far from its target at this size, and each run takes minutes.
            time("raw play_record", 1, () -> s.review.delivery(s.screens.profiles(), FIRST, last));
            t0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            // The server's rollup job (PlayRollupJob), catching up with every day at once.
            s.playRollup.run(Instant.EPOCH, clock.instant());
            double rollupCpu = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
            long daily = s.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM play_daily").mapTo(Long.class).one());
            System.out.printf("rollup job (PlayRollup) rolled %d screen-days (the period and today) into %,d play_daily"
                            + " rows in %.1f s, %.1f s CPU (a server job, not part of the report)%n", screens * (days + 1),
                    daily, seconds(t0), rollupCpu);
            time("play_daily rollup", 3, () -> s.review.delivery(s.screens.profiles(), FIRST, last));
            timeCounts(new SqlProof(s.jdbi, clock), infos, last);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    interface Report {
        DeliveryReport run();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Wall time, best of {@code runs}, and this thread's CPU time (the database server's own is not in it). */
    static void time(String label, int runs, Report report) {
        long best = Long.MAX_VALUE;
        DeliveryReport r = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            r = report.run();
            long wall = System.nanoTime() - t;
            best = Math.min(best, wall);
            System.out.printf("  %s run %d: %.2f s (report thread CPU %.2f s)%n", label, i + 1, wall / 1e9,
                    (CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
        }
        var health = r.categories().stream().filter(c -> c.category() == Category.HEALTH).findFirst().orElseThrow();
        System.out.printf("report from %s: %s%.2f s — %,d plays planned, %,d delivered (%.1f %%); health %.1f %% of"
                        + " screen time, %.1f %% delivered; %d rows%n", label, runs > 1 ? "best " : "", best / 1e9,
                r.total().planned(),
                r.total().delivered(), r.total().deliveryPercent(), health.sharePercent(), health.tally().deliveryPercent(),
                r.rows().size());
    }

    /** The SQL counting alone, once (warm), to see how much of the report is the database's. */
    static void timeCounts(SqlProof proof, List<Inputs.ScreenInfo> screens, LocalDate last) {
        long t = System.nanoTime();
        var counts = proof.counts(screens, FIRST, last);
        System.out.printf("  of which SQL counting: %.2f s (%,d counts, %,d plays)%n", seconds(t), counts.size(),
                counts.stream().mapToLong(c -> c.completed() + c.failed()).sum());
    }

    /** The stored chain of one screen verifies as the server verifies uploads. */
    static void verifyChain(Wiring s, Clock clock, String screen, LocalDate last) {
        var records = new ProofOfPlay(s.jdbi, clock).between(screen, FIRST.atStartOfDay(WIB).toInstant(),
                last.plusDays(1).atStartOfDay(WIB).toInstant());
        ChainCheck check = ChainCheck.verify(records, PlayRecord.GENESIS, 1);
        if (!check.intact()) {
            throw new IllegalStateException("generated chain of " + screen + " does not verify: " + check.problems());
        }
        System.out.printf("chain of %s verified: %,d records intact%n", screen, records.size());
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
     * One record per 15-s slot from 06:00 to 20:00 WIB (3,360 a day): slots 0–2 DBD, 3 imunisasi, 4 the city
     * booking (filler on odd screens, which it does not target), 5–7 filler; one in 97 failed. Each screen's
     * records are chained and hashed by {@link PlayRecord#chained}, as its player journals them, so the stored
     * chain verifies the way the server checks uploads. Screens are generated in parallel, one connection each;
     * PostgreSQL loads them with COPY, H2 with JDBC batches. Returns the number of records.
     */
    static long generate(javax.sql.DataSource ds, String db, int screens, int days) throws Exception {
        if (db.equals("postgres")) {
            return load(ds, db, screens, days);
        }
        // H2 inserts into the play id index (random UUIDs) one page rewrite at a time, several times slower
        // than into the table: its indexes are dropped for the load and built again afterwards.
        // A larger page cache while loading and building the indexes; the report runs with the server's default.
        List<String> recreate = new ArrayList<>();
        String cacheMb;
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            var cache = st.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'info.CACHE_MAX_SIZE'");
            cacheMb = cache.next() ? cache.getString(1) : null;
            st.execute("SET CACHE_SIZE 1048576");
            var rs = st.executeQuery("""
                    SELECT i.INDEX_NAME, i.INDEX_TYPE_NAME, LISTAGG(c.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY
                      c.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c
                      ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME
                    WHERE i.TABLE_NAME = 'PLAY_RECORD' GROUP BY i.INDEX_NAME, i.INDEX_TYPE_NAME""");
            List<String> drop = new ArrayList<>();
            while (rs.next()) {
                boolean primary = rs.getString(2).equals("PRIMARY KEY");
                drop.add(primary ? "ALTER TABLE play_record DROP PRIMARY KEY" : "DROP INDEX " + rs.getString(1));
                recreate.add(primary ? "ALTER TABLE play_record ADD PRIMARY KEY (" + rs.getString(3) + ")"
                        : "CREATE " + (rs.getString(2).startsWith("UNIQUE") ? "UNIQUE " : "") + "INDEX "
                        + rs.getString(1) + " ON play_record(" + rs.getString(3) + ")");
            }
            for (String sql : drop) {
                st.execute(sql);
            }
        }
        long n = load(ds, db, screens, days);
        long t = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        try (Connection c = ds.getConnection(); var st = c.createStatement()) {
            for (String sql : recreate) {
                st.execute(sql);
            }
            if (cacheMb != null) {
                st.execute("SET CACHE_SIZE " + Long.parseLong(cacheMb) * 1024);
            }
        }
        System.out.printf("  (H2: %d indexes of play_record built again after the load in %.1f s, %.1f s CPU)%n",
                recreate.size(), seconds(t), (CPU.getCurrentThreadCpuTime() - cpu) / 1e9);
        return n;
    }

    private static long load(javax.sql.DataSource ds, String db, int screens, int days) throws Exception {
        int workers = Math.max(1, Math.min(screens, THREADS));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            var parts = new ArrayList<Future<long[]>>();
            for (int w = 0; w < workers; w++) {
                int first = w;
                parts.add(pool.submit(() -> {
                    long cpu = CPU.getCurrentThreadCpuTime();
                    long n = 0;
                    try (Connection c = ds.getConnection()) {
                        for (int i = first; i < screens; i += workers) {
                            n += db.equals("postgres") ? copy(c, new Plays(i, days)) : batch(c, new Plays(i, days));
                        }
                    }
                    return new long[]{n, CPU.getCurrentThreadCpuTime() - cpu};
                }));
            }
            long total = 0;
            long cpu = 0;
            for (Future<long[]> f : parts) {
                total += f.get()[0];
                cpu += f.get()[1];
            }
            System.out.printf("  (load: %.1f s CPU in the %d loading threads%s)%n", cpu / 1e9, workers,
                    db.equals("postgres") ? ", hashing and COPY client; the server's own CPU is not in it" : "");
            return total;
        } finally {
            pool.shutdown();
        }
    }

    static final String COLUMNS = "play_id, screen_id, seq, media_id, source_id, category, planned_start, planned_end,"
            + " actual_start, actual_end, completed, error, prev_hash, hash, received_at";

    /** One screen's records through PostgreSQL's COPY (text format), streamed in 1 MB pieces. */
    static long copy(Connection c, Plays plays) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY play_record (" + COLUMNS + ") FROM STDIN");
        try {
            var sb = new StringBuilder(1 << 21);
            long n = 0;
            while (plays.hasNext()) {
                PlayRecord r = plays.next();
                sb.append(r.playId()).append('\t').append(r.screenId()).append('\t').append(r.seq()).append('\t')
                        .append(r.mediaId()).append('\t').append(r.sourceId() == null ? "\\N" : r.sourceId()).append('\t')
                        .append(r.category().name()).append('\t').append(r.plannedStart()).append('\t')
                        .append(r.plannedEnd()).append('\t').append(r.actualStart()).append('\t').append(r.actualEnd())
                        .append('\t').append(r.completed() ? 't' : 'f').append('\t')
                        .append(r.error() == null ? "\\N" : r.error()).append('\t').append(r.prevHash()).append('\t')
                        .append(r.hash()).append('\t').append(plays.receivedAt(r)).append('\n');
                n++;
                if (sb.length() > 1 << 20 || !plays.hasNext()) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            in.endCopy();
            return n;
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** One screen's records as JDBC batches of 5,000, one transaction, bound as ProofOfPlay binds them. */
    static long batch(Connection c, Plays plays) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO play_record (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long n = 0;
            while (plays.hasNext()) {
                PlayRecord r = plays.next();
                ps.setString(1, r.playId());
                ps.setString(2, r.screenId());
                ps.setLong(3, r.seq());
                ps.setString(4, r.mediaId());
                ps.setString(5, r.sourceId());
                ps.setString(6, r.category().name());
                ps.setTimestamp(7, Timestamp.from(r.plannedStart()));
                ps.setTimestamp(8, Timestamp.from(r.plannedEnd()));
                ps.setTimestamp(9, Timestamp.from(r.actualStart()));
                ps.setTimestamp(10, Timestamp.from(r.actualEnd()));
                ps.setBoolean(11, r.completed());
                ps.setString(12, r.error());
                ps.setString(13, r.prevHash());
                ps.setString(14, r.hash());
                ps.setTimestamp(15, Timestamp.from(plays.receivedAt(r)));
                ps.addBatch();
                if (++n % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
            return n;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The records of one screen, in seq order, each chained to the one before. */
    static final class Plays implements Iterator<PlayRecord> {
        static final int PER_DAY = 14 * 3600 / 15;
        final String screen;
        final boolean cityTargeted;
        final long count;
        final Instant base = FIRST.atTime(6, 0).atZone(WIB).toInstant();
        final long salt;
        long n;
        String prev = PlayRecord.GENESIS;

        Plays(int screen, int days) {
            this.screen = "s%03d".formatted(screen);
            this.cityTargeted = screen % 2 == 0; // the city booking targets group "utara", the even screens
            this.count = (long) PER_DAY * days;
            this.salt = screen * 0x9E3779B97F4A7C15L;
        }

        @Override
        public boolean hasNext() {
            return n < count;
        }

        @Override
        public PlayRecord next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            int k = (int) (n % 8);
            String source = k < 3 ? "b-health" : k == 3 ? "b-imun" : k == 4 && cityTargeted ? "b-city" : null;
            String media = k < 3 ? "m-h1" : k == 3 ? "m-h2" : k == 4 && cityTargeted ? "m-c1" : "m-f1";
            Category category = k < 4 ? Category.HEALTH : source != null ? Category.CITY : Category.FILLER;
            Instant planned = base.plusSeconds(n / PER_DAY * 86_400 + n % PER_DAY * 15);
            Instant start = planned.plusMillis(40);
            boolean failed = n % 97 == 0;
            Instant end = failed ? start.plusMillis(3_250) : planned.plusSeconds(15);
            // Players name plays with random UUIDs; these are scattered the same way, and repeatable.
            String playId = new UUID(mix(salt + n), mix(~salt - n)).toString();
            var r = PlayRecord.chained(playId, screen, n + 1, media, source, category, planned, planned.plusSeconds(15),
                    start, end, !failed, failed ? "MEDIA_ERROR: decoder stalled" : null, prev);
            prev = r.hash();
            n++;
            return r;
        }

        /** Players upload in batches: a record reaches the server some seconds after it ends. */
        Instant receivedAt(PlayRecord r) {
            return r.actualEnd().plusSeconds(7 + r.seq() % 50);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
