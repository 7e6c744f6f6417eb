package id.ihati.videotron.admin.auth;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Signed-in sessions. Only the hash of the cookie's token is stored. */
public final class SessionRepository {
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** A live session: its user and the CSRF token its forms must carry. */
    public record Session(User user, String csrfToken) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public SessionRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Starts a session; returns the cookie token (shown to the browser only). */
    public String start(long userId) {
        String token = Tokens.random();
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO web_session (token_hash, user_id, csrf_token, created_at, expires_at)
                        VALUES (:hash, :user, :csrf, :now, :expires)""")
                .bind("hash", Tokens.sha256(token)).bind("user", userId).bind("csrf", Tokens.random())
                .bind("now", Timestamp.from(now)).bind("expires", Timestamp.from(now.plus(LIFETIME))).execute());
        return token;
    }

    /** The live session of an active user for this cookie token, if any. */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT u.id, u.username, u.display_name, u.organisation, u.role, u.must_change_password,
                               u.locale, u.active, u.created_at, s.csrf_token
                        FROM web_session s JOIN app_user u ON u.id = s.user_id
                        WHERE s.token_hash = :hash AND s.expires_at > :now AND u.active""")
                .bind("hash", Tokens.sha256(token)).bind("now", Timestamp.from(clock.instant()))
                .map((rs, ctx) -> new Session(UserRepository.map(rs, ctx), rs.getString("csrf_token")))
                .findOne());
    }

    public void end(String token) {
        if (token != null) {
            jdbi.useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE token_hash = :hash")
                    .bind("hash", Tokens.sha256(token)).execute());
        }
    }

    /** Ends every session of a user (password changed, account disabled). */
    public void endAll(long userId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM web_session WHERE user_id = :id").bind("id", userId).execute());
    }

    /** Ends every session of a user inside the caller's transaction (with the change that calls for it). */
    public void endAll(org.jdbi.v3.core.Handle h, long userId) {
        h.createUpdate("DELETE FROM web_session WHERE user_id = :id").bind("id", userId).execute();
    }

    public int purgeExpired() {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM web_session WHERE expires_at <= :now")
                .bind("now", Timestamp.from(clock.instant())).execute());
    }
}
