package id.ihati.videotron.admin.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing: after {@link #MAX_FAILURES} failed logins for one username, or
 * {@link #MAX_FAILURES_PER_ADDRESS} from one address (a whole office shares one address behind its router),
 * within {@link #WINDOW}, further attempts are refused until the window has passed. Kept in the database so
 * every server node sees the same count.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    private final Jdbi jdbi;
    private final Clock clock;

    public LoginThrottle(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public boolean blocked(String username, String remoteAddr) {
        String key = key(username);
        Instant since = clock.instant().minus(WINDOW);
        return jdbi.withHandle(h -> {
            int byUser = h.createQuery("SELECT COUNT(*) FROM login_failure WHERE failed_at > :since AND username = :u")
                    .bind("since", Timestamp.from(since)).bind("u", key).mapTo(Integer.class).one();
            int byAddress = h.createQuery(
                            "SELECT COUNT(*) FROM login_failure WHERE failed_at > :since AND remote_addr = :a")
                    .bind("since", Timestamp.from(since)).bind("a", remoteAddr).mapTo(Integer.class).one();
            return byUser >= MAX_FAILURES || byAddress >= MAX_FAILURES_PER_ADDRESS;
        });
    }

    public void failed(String username, String remoteAddr) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO login_failure (username, remote_addr, failed_at) VALUES (:u, :a, :t)")
                .bind("u", key(username)).bind("a", remoteAddr).bind("t", Timestamp.from(clock.instant())).execute());
    }

    public void succeeded(String username) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM login_failure WHERE username = :u")
                .bind("u", key(username)).execute());
    }

    /**
     * The username as counted: a typed one longer than any account's (64, the column) is cut, so a long guess
     * is still a counted failure instead of a database error.
     */
    private static String key(String username) {
        return username.length() > 64 ? username.substring(0, 64) : username;
    }

    /** Forgets failures older than the window: they no longer count. Returns how many were removed. */
    public int purgeOld() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM login_failure WHERE failed_at <= :before")
                .bind("before", Timestamp.from(clock.instant().minus(WINDOW))).execute());
    }
}
