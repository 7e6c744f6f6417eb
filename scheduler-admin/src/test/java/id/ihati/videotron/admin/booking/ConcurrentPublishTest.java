package id.ihati.videotron.admin.booking;

import static id.ihati.videotron.admin.booking.BookingSamples.booking;
import static id.ihati.videotron.admin.booking.BookingSamples.user;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two editors press "publish" on the same version at the same moment: exactly one wins, the other is told
 * to review again, and the loser's drafts stay drafts, to be published on the next try. Nothing is lost.
 */
class ConcurrentPublishTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void twoSimultaneousPublishesOfTheSameVersionLoseNoChange(String db) throws Exception {
        Supplier<TestAdmin> start = db.equals("h2") ? TestAdmin::h2 : TestAdmin::postgres;
        try (TestAdmin admin = start.get()) {
            Scheduling s = admin.services().scheduling;
            BookingSamples.prepare(admin);
            User health = user(admin.services(), Role.HEALTH_EDITOR);
            User city = user(admin.services(), Role.CITY_EDITOR);
            s.saveDraft(health, booking("bk-h", Category.HEALTH, "layar-1", 2));
            s.saveDraft(city, booking("bk-c", Category.CITY, "layar-1", 1));
            int rounds = 5;
            int conflicts = 0;
            for (int round = 0; round < rounds; round++) {
                long base = s.latestNumber();
                if (round > 0) {
                    s.saveDraft(health, booking("bk-h" + round, Category.HEALTH, "layar-1", 1));
                    s.saveDraft(city, booking("bk-c" + round, Category.CITY, "layar-1", 1));
                }
                var barrier = new CyclicBarrier(2);
                var pool = Executors.newFixedThreadPool(2);
                List<Future<Object>> results = new ArrayList<>();
                for (User u : List.of(health, city)) {
                    results.add(pool.submit((Callable<Object>) () -> {
                        barrier.await();
                        try {
                            // Each side's bookings crowd out the other's: a displacement, so a reason is given.
                            return s.publish(u, base, "serentak " + u.username(), "uji serentak");
                        } catch (ValidationException e) {
                            return e;
                        }
                    }));
                }
                int wins = 0;
                for (var f : results) {
                    Object r = f.get();
                    if (r instanceof ScheduleVersion) {
                        wins++;
                    } else {
                        assertThat(((ValidationException) r).status()).isEqualTo(409);
                        conflicts++;
                    }
                }
                pool.shutdown();
                assertThat(wins).isBetween(1, 2);
                // Whoever lost publishes again on the version they now see.
                if (wins == 1) {
                    for (User u : List.of(health, city)) {
                        if (!s.pendingDiff(u, java.time.LocalDate.of(2026, 11, 5)).empty()) {
                            s.publish(u, s.latestNumber(), "ulang " + u.username(), "uji serentak");
                        }
                    }
                }
                var ids = s.published().bookings().stream().map(Booking::id).toList();
                assertThat(ids).contains(round == 0 ? "bk-h" : "bk-h" + round, round == 0 ? "bk-c" : "bk-c" + round);
            }
            // Versions are dense: no number skipped, none written twice.
            long latest = s.latestNumber();
            assertThat(s.versions.list(100)).extracting(ScheduleVersion::version)
                    .containsExactlyElementsOf(java.util.stream.LongStream.iterate(latest, v -> v - 1).limit(latest)
                            .boxed().toList());
            assertThat(conflicts).as("at least one round really collided").isGreaterThan(0);
        }
    }
}
