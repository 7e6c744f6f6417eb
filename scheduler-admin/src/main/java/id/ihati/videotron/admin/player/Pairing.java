package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Tokens;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import id.ihati.videotron.admin.ratelimit.SlidingWindow;
import org.jdbi.v3.core.Jdbi;

/**
 * Pairing a player with a screen (docs/player-api.md): the player asks for a code and shows it, an ADMIN
 * types it on the screen's page, the player collects its device token once with the secret only it knows.
 */
public final class Pairing {
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(15);
    /** Pairing starts allowed per address in {@link #RATE_WINDOW}: enough for a room of new players. */
    public static final int RATE_LIMIT = 20;
    public static final Duration RATE_WINDOW = Duration.ofMinutes(10);
    /** Polls allowed per client address, counted across all nodes: a player polls every few seconds. */
    public static final SlidingWindow POLL_LIMIT = new SlidingWindow("pairing-poll", 60, Duration.ofMinutes(1));
    /** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a code read off an LED wall from across the street is typed right. */
    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Started(String code, String secret, Instant expiresAt) {
    }

    /** What polling finds. */
    public sealed interface Poll {
        record Waiting() implements Poll {
        }

        record Paired(String screenId, String deviceToken) implements Poll {
        }

        /** Expired, collected or unknown: the player starts again. */
        record Gone() implements Poll {
        }

        record WrongSecret() implements Poll {
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final DeviceTokens tokens;
    private final AuditLog audit;

    public Pairing(Jdbi jdbi, Clock clock, DeviceTokens tokens, AuditLog audit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.tokens = tokens;
        this.audit = audit;
    }

    /** A new code for a player paired without a device key; refused with 429 when this address asked too often. */
    public Started start(String hostname, String playerVersion, String remoteAddr) {
        return start(hostname, playerVersion, remoteAddr, null);
    }

    /**
     * A new code for a player that will sign its records with the Ed25519 key whose public half is
     * {@code publicKey} (base64; null: none, its records are accepted unsigned); 422 on field "publicKey" when
     * it is not such a key, 429 when this address asked too often.
     */
    public Started start(String hostname, String playerVersion, String remoteAddr, String publicKey) {
        if (publicKey != null && PlaySignatures.publicKey(publicKey).isEmpty()) {
            throw ValidationException.of("publicKey", "pairing.badPublicKey");
        }
        Instant now = clock.instant();
        String secret = Tokens.random();
        return jdbi.inTransaction(h -> {
            int recent = h.createQuery("""
                            SELECT COUNT(*) FROM pairing_request WHERE remote_addr = :a AND created_at > :since""")
                    .bind("a", remoteAddr).bind("since", Timestamp.from(now.minus(RATE_WINDOW)))
                    .mapTo(Integer.class).one();
            if (recent >= RATE_LIMIT) {
                throw new ValidationException(429, List.of(Problem.of(null, "pairing.rateLimited",
                        RATE_WINDOW.toMinutes())));
            }
            h.createUpdate("DELETE FROM pairing_request WHERE expires_at < :old")
                    .bind("old", Timestamp.from(now.minus(Duration.ofDays(1)))).execute();
            String code;
            do {
                code = newCode();
            } while (h.createQuery("SELECT COUNT(*) FROM pairing_request WHERE code = :c").bind("c", code)
                    .mapTo(Integer.class).one() > 0);
            Instant expires = now.plus(CODE_LIFETIME);
            h.createUpdate("""
                            INSERT INTO pairing_request (code, secret_hash, hostname, player_version, remote_addr,
                                                         created_at, expires_at, public_key)
                            VALUES (:code, :secret, :host, :version, :addr, :now, :expires, :key)""")
                    .bind("code", code).bind("secret", Tokens.sha256(secret)).bind("host", clip(hostname, 200))
                    .bind("version", clip(playerVersion, 64)).bind("addr", remoteAddr)
                    .bind("now", Timestamp.from(now)).bind("expires", Timestamp.from(expires))
                    .bind("key", publicKey == null ? null : publicKey.strip()).execute();
            return new Started(code, secret, expires);
        });
    }

    /**
     * The player's poll. The device token is made here, at collection, so it never rests in the database
     * in clear; the conditional update makes a second collection (or a race of two) find nothing.
     */
    public Poll poll(String code, String secret) {
        // Hashed before anything is looked up, so a wrong secret for a live code costs the same as an unknown code.
        String secretHash = Tokens.sha256(secret == null ? "" : secret);
        String c = normalise(code).orElse(null);
        if (c == null) {
            return new Poll.Gone();
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            var row = h.createQuery("""
                            SELECT secret_hash, expires_at, screen_id, claimed_by, hostname, collected_at, public_key
                            FROM pairing_request WHERE code = :c""").bind("c", c)
                    .mapToMap().findOne();
            if (row.isEmpty()) {
                return new Poll.Gone();
            }
            var r = row.get();
            if (secret == null || !Tokens.same((String) r.get("secret_hash"), secretHash)) {
                return new Poll.WrongSecret();
            }
            if (r.get("collected_at") != null || !now.isBefore(instant(r.get("expires_at")))) {
                return new Poll.Gone();
            }
            String screen = (String) r.get("screen_id");
            if (screen == null) {
                return new Poll.Waiting();
            }
            int won = h.createUpdate("""
                            UPDATE pairing_request SET collected_at = :now WHERE code = :c AND collected_at IS NULL""")
                    .bind("now", Timestamp.from(now)).bind("c", c).execute();
            if (won != 1) {
                return new Poll.Gone();
            }
            String claimedBy = (String) r.get("claimed_by");
            String token = tokens.issue(h, screen, (String) r.get("hostname"), claimedBy, (String) r.get("public_key"));
            audit.record(h, "device:" + screen, "DEVICE_PAIRED", "screen", screen,
                    "code " + c + ", claimed by " + claimedBy);
            return new Poll.Paired(screen, token);
        });
    }

    /**
     * An ADMIN claims a code for a screen. The player then has another {@link #CODE_LIFETIME} to collect.
     * Problems are reported on field "code".
     */
    public void claim(String code, String screenId, String actor) {
        String c = normalise(code).orElseThrow(() -> ValidationException.of("code", "pairing.codeFormat"));
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            var row = h.createQuery("SELECT expires_at, screen_id FROM pairing_request WHERE code = :c")
                    .bind("c", c).mapToMap().findOne();
            if (row.isEmpty()) {
                throw ValidationException.of("code", "pairing.codeUnknown");
            }
            if (!now.isBefore(instant(row.get().get("expires_at")))) {
                throw ValidationException.of("code", "pairing.codeExpired");
            }
            int n = h.createUpdate("""
                            UPDATE pairing_request SET screen_id = :s, claimed_by = :by, claimed_at = :now,
                                expires_at = :expires
                            WHERE code = :c AND screen_id IS NULL""")
                    .bind("s", screenId).bind("by", actor).bind("now", Timestamp.from(now))
                    .bind("expires", Timestamp.from(now.plus(CODE_LIFETIME))).bind("c", c).execute();
            if (n != 1) {
                throw ValidationException.of("code", "pairing.codeUsed");
            }
            audit.record(h, actor, "PAIRING_CLAIM", "screen", screenId, "code " + c);
        });
    }

    /** {@code k7q 4mz}, {@code K7Q4MZ} and {@code K7Q-4MZ} are the same code; anything else is not a code. */
    public static Optional<String> normalise(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String s = code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (s.length() != 6 || !s.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(s.substring(0, 3) + "-" + s.substring(3));
    }

    static String newCode() {
        var sb = new StringBuilder(7);
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + o);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
