package id.ihati.videotron.admin.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link SlidingWindow} limits counted in the database: the accepted requests of the window are rows of
 * {@code rate_limit_hit}, and a row of {@code rate_limit_client} per limit and client is locked while one
 * request is decided, so two nodes (or two threads) cannot both take the last place.
 */
public final class SharedRateLimiter {
    /** Longer client keys (addresses are at most 45 characters) are cut: only a key, never shown. */
    private static final int MAX_CLIENT = 64;
    private final Jdbi jdbi;
    private final Clock clock;

    public SharedRateLimiter(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Counts one request of {@code client}: 0 when it may go on, else the seconds to wait (not counted). */
    public long acquire(SlidingWindow limit, String client) {
        String key = client == null ? "" : client.length() > MAX_CLIENT ? client.substring(0, MAX_CLIENT) : client;
        // The purge may remove a quiet client's row between making it and locking it: then make it again.
        for (int attempt = 1; ; attempt++) {
            ensureClientRow(limit, key);
            Long wait = jdbi.inTransaction(h -> decide(h, limit, key, clock.instant()));
            if (wait != null) {
                return wait;
            }
            if (attempt == 3) {
                throw new IllegalStateException("rate limit row for " + limit.name() + " keeps disappearing");
            }
        }
    }

    private static Long decide(Handle h, SlidingWindow limit, String key, Instant now) {
        if (h.createQuery("SELECT client FROM rate_limit_client WHERE name = :n AND client = :c FOR UPDATE")
                .bind("n", limit.name()).bind("c", key).mapTo(String.class).findOne().isEmpty()) {
            return null;
        }
        h.createUpdate("DELETE FROM rate_limit_hit WHERE name = :n AND client = :c AND hit_at <= :since")
                .bind("n", limit.name()).bind("c", key).bind("since", Timestamp.from(now.minus(limit.window())))
                .execute();
        List<Instant> recent = h.createQuery("""
                        SELECT hit_at FROM rate_limit_hit WHERE name = :n AND client = :c ORDER BY hit_at""")
                .bind("n", limit.name()).bind("c", key).mapTo(Timestamp.class).map(Timestamp::toInstant).list();
        long wait = limit.retryAfterSeconds(recent, now);
        if (wait == 0) {
            h.createUpdate("INSERT INTO rate_limit_hit (name, client, hit_at) VALUES (:n, :c, :t)")
                    .bind("n", limit.name()).bind("c", key).bind("t", Timestamp.from(now)).execute();
        }
        return wait;
    }

    /** Forgets requests older than any window ({@link SlidingWindow#LONGEST}) and clients with none left. */
    public int purgeOld() {
        Instant before = clock.instant().minus(SlidingWindow.LONGEST);
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM rate_limit_hit WHERE hit_at <= :b")
                .bind("b", Timestamp.from(before)).execute()
                + h.createUpdate("""
                        DELETE FROM rate_limit_client c WHERE NOT EXISTS (SELECT 1 FROM rate_limit_hit h
                            WHERE h.name = c.name AND h.client = c.client)""").execute());
    }

    /**
     * The row to lock. Two first requests of a client may race to insert it; the loser finds it there, which
     * is all it needs (a plain insert, as H2 and PostgreSQL 14 share no upsert).
     */
    private void ensureClientRow(SlidingWindow limit, String key) {
        if (exists(limit, key)) {
            return;
        }
        try {
            jdbi.useTransaction(h -> h.createUpdate("INSERT INTO rate_limit_client (name, client) VALUES (:n, :c)")
                    .bind("n", limit.name()).bind("c", key).execute());
        } catch (UnableToExecuteStatementException e) {
            if (!exists(limit, key)) {
                throw e;
            }
        }
    }

    private boolean exists(SlidingWindow limit, String key) {
        return jdbi.withHandle(h -> exists(h, limit, key));
    }

    private static boolean exists(Handle h, SlidingWindow limit, String key) {
        return h.createQuery("SELECT COUNT(*) FROM rate_limit_client WHERE name = :n AND client = :c")
                .bind("n", limit.name()).bind("c", key).mapTo(Integer.class).one() > 0;
    }
}
