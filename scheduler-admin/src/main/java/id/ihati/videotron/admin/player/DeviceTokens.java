package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.auth.DeviceAuthenticator;
import id.ihati.videotron.admin.auth.Tokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Device tokens: made at pairing, kept only as SHA-256, revocable. Known tokens are remembered for
 * {@link #CACHE_TTL} so a player's polling costs no database read; a revocation on this node forgets them at
 * once, and a revocation on another node reaches this one through {@link PlayerHub}'s watch of the
 * revocation counter ({@code player_sync} row 2, about a second), at the latest after the TTL.
 */
public final class DeviceTokens implements DeviceAuthenticator {
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);

    /** The live token of a screen, as the screen page shows it (never the token itself). */
    public record TokenInfo(String screenId, String hostname, Instant createdAt, String createdBy) {
    }

    private record Known(String screenId, Instant until) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();

    public DeviceTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Optional<String> screenFor(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(bearerToken);
        Instant now = clock.instant();
        Known k = known.get(hash);
        if (k != null && now.isBefore(k.until())) {
            return Optional.of(k.screenId());
        }
        Optional<String> screen = jdbi.withHandle(h -> h.createQuery(
                        "SELECT screen_id FROM device_token WHERE token_hash = :h AND revoked_at IS NULL")
                .bind("h", hash).mapTo(String.class).findOne());
        screen.ifPresentOrElse(id -> known.put(hash, new Known(id, now.plus(CACHE_TTL))), () -> known.remove(hash));
        return screen;
    }

    @Override
    public Optional<Retired> retired(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > 200) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT screen_id, revoked_at FROM device_token
                        WHERE token_hash = :h AND revoked_at IS NOT NULL""")
                .bind("h", Tokens.sha256(bearerToken))
                .map((rs, ctx) -> new Retired(rs.getString(1), rs.getTimestamp(2).toInstant())).findOne());
    }

    /**
     * Makes a new token for the screen inside the caller's transaction, revoking the screen's earlier ones (a
     * screen has one player). Returns the token: the only time it exists outside the player.
     */
    public String issue(Handle h, String screenId, String hostname, String actor) {
        return issue(h, screenId, hostname, actor, null);
    }

    /**
     * Like {@link #issue(Handle, String, String, String)}, for a player that made the Ed25519 key pair whose
     * public half is {@code publicKey} (base64, null for none): records uploaded under this token must be
     * signed with it.
     */
    public String issue(Handle h, String screenId, String hostname, String actor, String publicKey) {
        revoke(h, screenId, actor);
        String token = Tokens.random();
        h.createUpdate("""
                        INSERT INTO device_token (token_hash, screen_id, hostname, created_at, created_by, public_key)
                        VALUES (:hash, :screen, :host, :now, :by, :key)""")
                .bind("hash", Tokens.sha256(token)).bind("screen", screenId).bind("host", hostname)
                .bind("now", Timestamp.from(clock.instant())).bind("by", actor).bind("key", publicKey).execute();
        return token;
    }

    /** The public key the token's player was paired with (a live or revoked token); empty: paired without one. */
    public Optional<String> publicKey(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty() || bearerToken.length() > 200) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT public_key FROM device_token WHERE token_hash = :h")
                .bind("h", Tokens.sha256(bearerToken)).mapTo(String.class).findOne());
    }

    /** Revokes the screen's live tokens inside the caller's transaction; call {@link #forget} after commit. */
    public int revoke(Handle h, String screenId, String actor) {
        int n = h.createUpdate("""
                        UPDATE device_token SET revoked_at = :now, revoked_by = :by
                        WHERE screen_id = :screen AND revoked_at IS NULL""")
                .bind("now", Timestamp.from(clock.instant())).bind("by", actor).bind("screen", screenId).execute();
        if (n > 0) {
            // Other nodes watch this counter and forget the tokens they remember (PlayerHub).
            h.createUpdate("UPDATE player_sync SET generation = generation + 1 WHERE id = 2").execute();
        }
        forget(screenId);
        return n;
    }

    /** Forgets remembered tokens of a screen, so the next request reads the database. */
    public void forget(String screenId) {
        known.values().removeIf(k -> k.screenId().equals(screenId));
    }

    /** Forgets every remembered token (a change on another node). */
    public void forgetAll() {
        known.clear();
    }

    public Optional<TokenInfo> live(String screenId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT screen_id, hostname, created_at, created_by FROM device_token
                        WHERE screen_id = :s AND revoked_at IS NULL ORDER BY created_at DESC""")
                .bind("s", screenId)
                .map((rs, ctx) -> new TokenInfo(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .findFirst());
    }
}
