package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.Tokens;
import id.ihati.videotron.admin.ratelimit.SharedRateLimiter;
import id.ihati.videotron.admin.web.JsonBody;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.proof.PlayRecord;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The player API, version 1, exactly as docs/player-api.md describes it. */
public final class PlayerRoutes implements Routes {
    private static final int MAX_JSON = 2 * 1024 * 1024;
    private final Clock clock;
    private final DeviceTokens deviceTokens;
    private final Pairing pairing;
    private final PlayerHub playerHub;
    private final SharedRateLimiter rateLimiter;
    private final StatusRepository status;
    private final java.util.function.BiConsumer<String, Heartbeat> afterHeartbeat;
    private final ProofOfPlay plays;
    private final Screenshots screenshots;
    /** Fields newer players sent that this server ignored, counted per field and player version. */
    private final UnknownFields unknownFields = new UnknownFields();

    /** The body of a proof-of-play batch. */
    public record PlayBatch(List<PlayRecord> records) {
        public PlayBatch {
            records = records == null ? List.of() : records;
        }
    }

    /** The body of a pairing start; {@code publicKey}: the player's Ed25519 device key (base64 X.509). */
    public record PairingStart(String hostname, String playerVersion, String publicKey) {
    }

    public PlayerRoutes(Clock clock, DeviceTokens deviceTokens, Pairing pairing, PlayerHub playerHub,
                        SharedRateLimiter rateLimiter, StatusRepository status, ProofOfPlay plays,
                        Screenshots screenshots, java.util.function.BiConsumer<String, Heartbeat> afterHeartbeat) {
        this.clock = clock;
        this.deviceTokens = deviceTokens;
        this.pairing = pairing;
        this.playerHub = playerHub;
        this.rateLimiter = rateLimiter;
        this.status = status;
        this.plays = plays;
        this.screenshots = screenshots;
        this.afterHeartbeat = afterHeartbeat;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/pairing", this::startPairing, Role.PUBLIC);
        routes.get("/api/v1/pairing/{code}", this::pollPairing, Role.PUBLIC);
        routes.get("/api/v1/player/manifest", this::manifest, Role.DEVICE);
        routes.post("/api/v1/player/heartbeat", this::heartbeat, Role.DEVICE);
        // A player whose token was revoked may still deliver the plays it made before (docs/player-api.md).
        routes.post("/api/v1/player/plays", this::plays, Role.DEVICE, Role.RETIRED_DEVICE);
        routes.post("/api/v1/player/screenshots", this::screenshot, Role.DEVICE);
        routes.sse("/api/v1/player/events", client -> playerHub.connect(client, Access.screenId(client.ctx()),
                Tokens.sha256(client.ctx().header("Authorization").substring("Bearer ".length()).trim())), Role.DEVICE);
    }

    private void startPairing(Context ctx) {
        PairingStart body = ctx.body().isBlank() ? new PairingStart(null, null, null) : read(ctx, PairingStart.class);
        var started = pairing.start(body.hostname(), body.playerVersion(), ctx.ip(), body.publicKey());
        ctx.status(201).json(Map.of("code", started.code(), "secret", started.secret(),
                "expiresAt", started.expiresAt()));
    }

    /**
     * Limited per client address across all nodes, and a wrong secret answers exactly as an unknown code does:
     * guessing codes learns nothing about which are live.
     */
    private void pollPairing(Context ctx) {
        long wait = rateLimiter.acquire(Pairing.POLL_LIMIT, ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ValidationException(429, List.of(Problem.of(null, "pairing.pollRateLimited",
                    Pairing.POLL_LIMIT.max(), wait)));
        }
        Pairing.Poll poll = pairing.poll(ctx.pathParam("code"), ctx.header("X-Pairing-Secret"));
        if (poll instanceof Pairing.Poll.Paired p) {
            ctx.status(200).json(Map.of("status", "PAIRED", "screenId", p.screenId(), "deviceToken", p.deviceToken()));
        } else if (poll instanceof Pairing.Poll.Waiting) {
            ctx.status(202).json(Map.of("status", "WAITING"));
        } else {
            throw new ValidationException(410, List.of(Problem.of("code", "pairing.gone")));
        }
    }

    /**
     * 304 from memory when the player has the current hash: the token lookup is cached too, so a player
     * polling an unchanged manifest costs no database query.
     */
    private void manifest(Context ctx) {
        String screenId = Access.screenId(ctx);
        String ifNoneMatch = ctx.header("If-None-Match");
        var kept = playerHub.manifests().kept(screenId);
        if (kept.isPresent() && matches(ifNoneMatch, kept.get().contentHash())) {
            notModified(ctx, kept.get());
            return;
        }
        var built = playerHub.manifests().current(screenId)
                .orElseThrow(() -> new ValidationException(404, List.of(Problem.of(null, "error.notFound"))));
        if (matches(ifNoneMatch, built.contentHash())) {
            notModified(ctx, built);
            return;
        }
        ctx.header("ETag", built.etag()).header("Cache-Control", "no-cache").header("Vary", "Accept-Encoding")
                .contentType("application/json; charset=utf-8");
        String accept = ctx.header("Accept-Encoding");
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            ctx.header("Content-Encoding", "gzip").result(built.gzip());
        } else {
            ctx.result(built.json());
        }
    }

    private static void notModified(Context ctx, ManifestService.Built b) {
        ctx.status(304).header("ETag", b.etag()).header("Cache-Control", "no-cache");
    }

    static boolean matches(String ifNoneMatch, String hash) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("\"" + hash + "\"") || t.equals(hash) || t.equals("*")) {
                return true;
            }
        }
        return false;
    }

    private void heartbeat(Context ctx) {
        Heartbeat hb = read(ctx, Heartbeat.class);
        if (hb.status() == null) {
            throw ValidationException.of("status", "heartbeat.statusRequired");
        }
        List<String> negative = hb.negativeCounts();
        if (!negative.isEmpty()) {
            throw new ValidationException(400, negative.stream().map(f -> Problem.of(f, "heartbeat.negative")).toList());
        }
        status.record(Access.screenId(ctx), hb, clock.instant());
        afterHeartbeat.accept(Access.screenId(ctx), hb);
        ctx.json(Map.of("serverTime", clock.instant()));
    }

    private void plays(Context ctx) {
        PlayBatch batch = read(ctx, PlayBatch.class);
        // The key of the token in hand (a revoked one too): the records it delivers were signed with it.
        String key = deviceTokens.publicKey(ctx.header("Authorization").substring(7).trim()).orElse(null);
        var receipt = plays.store(Access.screenId(ctx), batch.records(), Access.revokedAt(ctx).orElse(null), key);
        var body = new LinkedHashMap<String, Object>();
        body.put("acknowledged", receipt.acknowledged());
        body.put("chainIntact", receipt.chainIntact());
        body.put("problems", receipt.problems());
        ctx.json(body);
    }

    private void screenshot(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("image/png")) {
            throw new ValidationException(415, List.of(Problem.of(null, "screenshot.notPng")));
        }
        long length = ctx.contentLength();
        if (length > Screenshots.MAX_BYTES) {
            throw new ValidationException(413, List.of(Problem.of(null, "screenshot.tooBig",
                    Screenshots.MAX_BYTES / (1024 * 1024))));
        }
        try (var in = ctx.bodyInputStream()) {
            var shot = screenshots.store(Access.screenId(ctx), in, ctx.header("X-Screenshot-Request"));
            ctx.status(201).json(Map.of("takenAt", shot.takenAt(), "size", shot.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON body as a tolerant reader (docs/player-api.md, "How versions meet"): known fields are
     * validated, each refusal names its field; unknown fields are ignored and counted.
     */
    private <T> T read(Context ctx, Class<T> type) {
        if (ctx.contentLength() > MAX_JSON) {
            throw new ValidationException(413, List.of(Problem.of(null, "api.tooLarge")));
        }
        var read = JsonBody.read(ctx.bodyAsBytes(), type, JsonBody.Unknown.IGNORE);
        if (!read.unknownFields().isEmpty()) {
            String version = read.value() instanceof Heartbeat hb ? hb.playerVersion()
                    : read.value() instanceof PairingStart p ? p.playerVersion() : ctx.header("X-Player-Version");
            read.unknownFields().forEach(f -> unknownFields.seen(ctx.method() + " " + ctx.path(),
                    JsonBody.pattern(f), version));
        }
        return read.value();
    }
}
