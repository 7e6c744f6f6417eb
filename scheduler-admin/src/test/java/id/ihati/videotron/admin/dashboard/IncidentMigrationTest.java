package id.ihati.videotron.admin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.db.Database;
import id.ihati.videotron.admin.testing.TestDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migration V49 on H2 and PostgreSQL: MEDIA_ERROR incidents that earlier versions opened from plays cut short by
 * the player (a plan change, a slot taken before the item was shown) are closed, with a note saying why; a real
 * media error and other kinds stay open.
 */
class IncidentMigrationTest {

    static Stream<String> databases() {
        return Stream.of(TestDatabases.h2Url(), TestDatabases.newPostgresDatabase());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void wronglyOpenMediaErrorsAreClosedAndRealOnesStayOpen(String url) {
        try (var pool = TestDatabases.pool(url)) {
            var config = Flyway.configure().dataSource(pool)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + Database.vendor(pool));
            // Up to the last migration before V49, whichever that is.
            MigrationVersion v49 = MigrationVersion.fromVersion("49");
            MigrationVersion before = Stream.of(config.load().info().all()).map(MigrationInfo::getVersion)
                    .filter(v -> v.compareTo(v49) < 0).max(MigrationVersion::compareTo).orElseThrow();
            config.target(before).load().migrate();
            Jdbi jdbi = Jdbi.create(pool);
            Timestamp t = Timestamp.from(Instant.parse("2026-12-03T18:49:00Z"));
            jdbi.useHandle(h -> {
                h.createUpdate("""
                                INSERT INTO screen (id, name, location_text, latitude, longitude, time_zone, width_px,
                                    height_px, loop_seconds, slot_seconds, operating_hours, min_shares, fit_mode, audio,
                                    screen_groups, created_at, updated_at)
                                VALUES ('alun', 'Alun-Alun', 'Cilegon', -6, 106, 'Asia/Jakarta', 960, 480, 120, 15,
                                    '', '', 'CONTAIN', FALSE, '', :t, :t)""").bind("t", t).execute();
                String insert = "INSERT INTO incident (screen_id, kind, subject, detail, opened_at, open_flag) "
                        + "VALUES ('alun', :k, :s, :d, :t, 1)";
                for (var row : List.of(List.of("MEDIA_ERROR", "m-batuk", "pre-empted: the plan changed"),
                        List.of("MEDIA_ERROR", "m-video", "replaced before it was shown"),
                        List.of("MEDIA_ERROR", "m-rusak", "MEDIA_CORRUPTED: cannot decode"),
                        List.of("OFFLINE", "", "last seen 2026-12-03T18:40:00Z"))) {
                    h.createUpdate(insert).bind("k", row.get(0)).bind("s", row.get(1)).bind("d", row.get(2))
                            .bind("t", t).execute();
                }
            });

            Database.migrate(pool);

            var incidents = new Incidents(jdbi);
            assertThat(incidents.open()).extracting(Incident::subject).containsExactlyInAnyOrder("m-rusak", "");
            assertThat(incidents.of("alun", 10)).filteredOn(i -> !i.open()).hasSize(2).allSatisfy(i -> {
                assertThat(i.closing().by()).isEqualTo("system");
                assertThat(i.closing().text()).startsWith("Not a media error");
            });
        }
    }
}
