package id.ihati.videotron.admin.review.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.ihati.videotron.admin.db.Database;
import id.ihati.videotron.admin.review.delivery.Inputs.ReportedCount;
import id.ihati.videotron.admin.review.delivery.Inputs.ScreenInfo;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SQL counting gives what counting the records in memory gives, on H2 and on PostgreSQL. */
class SqlProofTest {
    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void sqlCountsMatchInMemoryCountsAndReadIncidentsAndChainProblems(String db) {
        try (HikariDataSource ds = migrated(db)) {
            Jdbi jdbi = Jdbi.create(ds);
            jdbi.useTransaction(h -> new ScreenRepository(jdbi).insert(h, TestScreens.profile("s1"), null, Instant.EPOCH));
            // Three days of plays around local midnights, some failed, on screen s1; one on another screen.
            var records = new ArrayList<PlayRecord>();
            Instant start = LocalDate.of(2026, 11, 20).atTime(22, 0).atZone(WIB).toInstant();
            String prev = PlayRecord.GENESIS;
            for (int i = 0; i < 600; i++) {
                Instant t = start.plusSeconds(300L * i);
                String source = i % 3 == 0 ? null : i % 3 == 1 ? "b-h" : "b-c";
                Category c = source == null ? Category.FILLER : source.equals("b-h") ? Category.HEALTH : Category.CITY;
                var r = PlayRecord.chained("p" + i, "s1", i + 1, "m", source, c, t, t.plusSeconds(15), t.plusSeconds(1),
                        t.plusSeconds(15), i % 17 != 0, i % 17 != 0 ? null : "MEDIA_ERROR", prev);
                prev = r.hash();
                records.add(r);
            }
            records.add(PlayRecord.chained("x", "other", 1, "m", "b-h", Category.HEALTH, start, start.plusSeconds(15),
                    start, start.plusSeconds(15), true, null, PlayRecord.GENESIS));
            jdbi.useTransaction(h -> {
                for (PlayRecord r : records) {
                    h.createUpdate("""
                                    INSERT INTO play_record (play_id, screen_id, seq, media_id, source_id, category,
                                      planned_start, planned_end, actual_start, actual_end, completed, error, prev_hash,
                                      hash, received_at)
                                    VALUES (:id, :s, :seq, :m, :src, :c, :ps, :pe, :as, :ae, :done, :err, :prev, :hash, :now)""")
                            .bind("id", r.playId()).bind("s", r.screenId()).bind("seq", r.seq()).bind("m", r.mediaId())
                            .bind("src", r.sourceId()).bind("c", r.category().name())
                            .bind("ps", Timestamp.from(r.plannedStart())).bind("pe", Timestamp.from(r.plannedEnd()))
                            .bind("as", Timestamp.from(r.actualStart())).bind("ae", Timestamp.from(r.actualEnd()))
                            .bind("done", r.completed()).bind("err", r.error()).bind("prev", r.prevHash())
                            .bind("hash", r.hash()).bind("now", Timestamp.from(Instant.EPOCH)).execute();
                }
                h.execute("INSERT INTO incident (screen_id, kind, subject, opened_at, closed_at) VALUES "
                        + "('s1', 'OFFLINE', '', TIMESTAMP WITH TIME ZONE '2026-11-21 06:00:00+00', "
                        + "TIMESTAMP WITH TIME ZONE '2026-11-21 07:00:00+00')");
                h.execute("INSERT INTO chain_problem (screen_id, found_at, play_id, problem) VALUES "
                        + "('s1', TIMESTAMP WITH TIME ZONE '2026-11-21 07:00:00+00', 'p5', 'broken link at seq 6')");
            });
            var now = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
            var proof = new SqlProof(jdbi, now);
            var screens = List.of(new ScreenInfo("s1", "S1", WIB));
            LocalDate from = LocalDate.of(2026, 11, 21);
            LocalDate to = LocalDate.of(2026, 11, 22);
            var expected = ReportedCount.count(records.stream().filter(r -> r.screenId().equals("s1")).toList(),
                    Map.of("s1", WIB)).stream().filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to)).toList();
            assertThat(sorted(proof.counts(screens, from, to))).isEqualTo(sorted(expected));
            assertThat(expected.stream().mapToLong(ReportedCount::failed).sum()).isPositive();

            // Day 21 rolled up (as the rollup job leaves it), day 22 not: each counted once, from where it is.
            jdbi.useHandle(h -> {
                for (ReportedCount c : expected.stream().filter(c -> c.day().equals(from)).toList()) {
                    h.createUpdate("""
                                    INSERT INTO play_daily (screen_id, play_day, source_id, media_id, category, plays,
                                      completed_plays, played_seconds, rolled_up_at)
                                    VALUES (:s, :d, :src, 'm', :c, :p, :cp, 0, :now)""")
                            .bind("s", c.screenId()).bind("d", c.day()).bind("src", c.sourceId() == null ? "" : c.sourceId())
                            .bind("c", c.category().name()).bind("p", c.completed() + c.failed()).bind("cp", c.completed())
                            .bind("now", Timestamp.from(Instant.EPOCH)).execute();
                }
            });
            assertThat(sorted(proof.counts(screens, from, to))).isEqualTo(sorted(expected));

            assertThat(proof.offline(List.of("s1"), from.atStartOfDay(WIB).toInstant(), to.atStartOfDay(WIB).toInstant()))
                    .singleElement().satisfies(o -> assertThat(o.from()).isEqualTo(Instant.parse("2026-11-21T06:00:00Z")));
            assertThat(proof.chains(List.of("s1", "s2")).get("s1").intact()).isFalse();
            assertThat(proof.chains(List.of("s1", "s2")).get("s2").intact()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void yesterdayCountsFromTheRollupOnlyOnceItWasRolledUpAfterItEnded(String db) {
        try (HikariDataSource ds = migrated(db)) {
            Jdbi jdbi = Jdbi.create(ds);
            LocalDate yesterday = LocalDate.of(2026, 11, 20);
            Instant at = yesterday.atTime(10, 0).atZone(WIB).toInstant();
            jdbi.useHandle(h -> {
                for (int i = 0; i < 10; i++) {
                    Instant t = at.plusSeconds(15L * i);
                    h.createUpdate("""
                                    INSERT INTO play_record (play_id, screen_id, seq, media_id, source_id, category,
                                      planned_start, planned_end, actual_start, actual_end, completed, prev_hash,
                                      received_at) VALUES (:id, 's1', :seq, 'm', 'b-h', 'HEALTH', :t, :e, :t, :e, TRUE,
                                      :prev, :t)""")
                            .bind("id", "p" + i).bind("seq", i + 1).bind("t", Timestamp.from(t))
                            .bind("e", Timestamp.from(t.plusSeconds(15))).bind("prev", PlayRecord.GENESIS).execute();
                }
                // The rollup job's last run before midnight saw four of them.
                h.createUpdate("""
                                INSERT INTO play_daily (screen_id, play_day, source_id, media_id, category, plays,
                                  completed_plays, played_seconds, rolled_up_at)
                                VALUES ('s1', :d, 'b-h', 'm', 'HEALTH', 4, 4, 60, :rolled)""")
                        .bind("d", yesterday).bind("rolled", Timestamp.from(at.plusSeconds(60))).execute();
            });
            var proof = new SqlProof(jdbi, Clock.fixed(yesterday.plusDays(1).atTime(9, 0).atZone(WIB).toInstant(),
                    ZoneOffset.UTC));
            var screens = List.of(new ScreenInfo("s1", "S1", WIB));
            assertThat(proof.counts(screens, yesterday, yesterday)).singleElement()
                    .satisfies(c -> assertThat(c.completed()).isEqualTo(10));

            // Rolled up again after midnight: the rollup has all of yesterday.
            jdbi.useHandle(h -> h.createUpdate("UPDATE play_daily SET plays = 10, completed_plays = 10, rolled_up_at = :r")
                    .bind("r", Timestamp.from(yesterday.plusDays(1).atTime(0, 15).atZone(WIB).toInstant())).execute());
            jdbi.useHandle(h -> h.execute("DELETE FROM play_record WHERE play_id = 'p9'")); // so a raw count would show
            assertThat(proof.counts(screens, yesterday, yesterday)).singleElement()
                    .satisfies(c -> assertThat(c.completed()).isEqualTo(10));
        }
    }

    @Test
    void onlyTheDaysMissingFromTheRollupAreCountedFromTheRecords() {
        LocalDate d1 = LocalDate.of(2026, 11, 1);
        // Both screens rolled up on days 1-4 except s2 on day 2 (it played nothing); nothing yet on days 5-6.
        var covered = new java.util.HashSet<String>();
        for (int i = 0; i < 4; i++) {
            covered.add("s1/" + d1.plusDays(i));
            if (i != 1) {
                covered.add("s2/" + d1.plusDays(i));
            }
        }
        assertThat(SqlProof.uncovered(List.of("s1", "s2"), covered, d1, d1.plusDays(5))).containsExactly(
                new SqlProof.Uncovered(List.of("s2"), d1.plusDays(1), d1.plusDays(1)),
                new SqlProof.Uncovered(List.of("s1", "s2"), d1.plusDays(4), d1.plusDays(5)));
        assertThat(SqlProof.uncovered(List.of("s1"), covered, d1, d1.plusDays(3))).isEmpty();
        assertThat(SqlProof.uncovered(List.of("s1"), java.util.Set.of(), d1, d1.plusDays(3)))
                .containsExactly(new SqlProof.Uncovered(List.of("s1"), d1, d1.plusDays(3)));
    }

    /** A new, migrated database: in-memory H2 or one on the embedded PostgreSQL server. */
    static HikariDataSource migrated(String db) {
        HikariDataSource ds = TestDatabases.pool(db.equals("h2") ? TestDatabases.h2Url()
                : TestDatabases.newPostgresDatabase());
        Database.migrate(ds);
        return ds;
    }

    static List<ReportedCount> sorted(List<ReportedCount> l) {
        return l.stream().sorted(Comparator.comparing((ReportedCount r) -> r.day()).thenComparing(r -> String.valueOf(r.sourceId())))
                .toList();
    }
}
