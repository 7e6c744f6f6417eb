package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.web.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jdbi.v3.core.Jdbi;

/**
 * Screenshots sent by players: PNG only, at most {@link #MAX_BYTES}, stored as
 * {@code <dataDir>/screenshots/<screenId>/<UTC time>.png} (written to a temp file and moved, so a cut-off
 * upload leaves nothing).
 */
public final class Screenshots {
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public record Shot(String screenId, Instant takenAt, Path file, long size) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Path root;

    public Screenshots(Jdbi jdbi, Clock clock, Path dataDir) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.root = dataDir.resolve("screenshots");
    }

    /** Reads a PNG from {@code in} and stores it; refuses what is too big or not a PNG. */
    public Shot store(String screenId, InputStream in, String requestId) {
        if (!SAFE_ID.matcher(screenId).matches()) {
            throw new IllegalArgumentException("screen id not usable as a directory name: " + screenId);
        }
        byte[] png;
        try {
            png = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot upload of " + screenId + " broke off", e);
        }
        if (png.length > MAX_BYTES) {
            throw new ValidationException(413, java.util.List.of(
                    id.ihati.videotron.admin.web.Problem.of(null, "screenshot.tooBig", MAX_BYTES / (1024 * 1024))));
        }
        if (png.length < PNG_SIGNATURE.length
                || !Arrays.equals(Arrays.copyOf(png, PNG_SIGNATURE.length), PNG_SIGNATURE) || !decodes(png)) {
            throw new ValidationException(415, java.util.List.of(
                    id.ihati.videotron.admin.web.Problem.of(null, "screenshot.notPng")));
        }
        Instant now = clock.instant();
        Path dir = root.resolve(screenId);
        Path file = dir.resolve(NAME.format(now) + ".png");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "upload-", ".tmp");
            try {
                Files.write(tmp, png);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the screenshot of " + screenId, e);
        }
        String req = requestId == null || requestId.length() > 64 ? null : requestId;
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO screenshot (screen_id, taken_at, file_name, size_bytes, request_id)
                            VALUES (:s, :at, :f, :size, :req)""")
                    .bind("s", screenId).bind("at", Timestamp.from(now)).bind("f", file.getFileName().toString())
                    .bind("size", png.length).bind("req", req).execute();
            if (req != null) {
                h.createUpdate("UPDATE screenshot_request SET fulfilled_at = :at WHERE id = :id AND screen_id = :s")
                        .bind("at", Timestamp.from(now)).bind("id", req).bind("s", screenId).execute();
            }
        });
        return new Shot(screenId, now, file, png.length);
    }

    private static boolean decodes(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png)) != null;
        } catch (IOException e) {
            return false; // not a readable PNG: the caller answers 415
        }
    }

    /** The newest screenshot of a screen. */
    public Optional<Shot> latest(String screenId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT taken_at, file_name, size_bytes FROM screenshot WHERE screen_id = :s
                        ORDER BY taken_at DESC, id DESC LIMIT 1""")
                .bind("s", screenId)
                .map((rs, ctx) -> new Shot(screenId, rs.getTimestamp(1).toInstant(),
                        root.resolve(screenId).resolve(rs.getString(2)), rs.getLong(3)))
                .findFirst());
    }

    /** True while a request is waiting for the player's answer (asked in the last two minutes). */
    public boolean pending(String screenId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM screenshot_request WHERE screen_id = :s AND fulfilled_at IS NULL
                        AND requested_at > :since""")
                .bind("s", screenId).bind("since", Timestamp.from(clock.instant().minusSeconds(120)))
                .mapTo(Integer.class).one() > 0);
    }
}
