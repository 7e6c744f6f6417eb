package id.ihati.videotron.admin.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.Eventually;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/** Uploads and checks shared by the library's HTTP tests. */
final class MediaFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SEQ = new AtomicInteger();
    final TestAdmin admin;
    private final Map<Role, WebClient> clients = new EnumMap<>(Role.class);

    MediaFixtures(TestAdmin admin) {
        this.admin = admin;
    }

    WebClient as(Role role) {
        return clients.computeIfAbsent(role, admin::as);
    }

    static Map<String, String> meta(String title, String category, String tags) {
        var m = new LinkedHashMap<String, String>();
        m.put("title", title);
        m.put("category", category);
        m.put("tags", tags);
        return m;
    }

    HttpResponse<String> upload(Role role, String filename, byte[] content, Map<String, String> fields) {
        WebClient c = as(role);
        var body = new Multipart().fields(fields).file("file", filename, "application/octet-stream", content);
        return c.send(body.request(c.base() + "/api/v1/media", c.csrf()));
    }

    /** Uploads and returns the created item's JSON, failing the test unless it was created. */
    JsonNode uploaded(Role role, String filename, byte[] content, Map<String, String> fields) {
        var r = upload(role, filename, content, fields);
        if (r.statusCode() != 201) {
            throw new AssertionError("upload failed: " + r.statusCode() + " " + r.body());
        }
        return json(r.body());
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG never uploaded before (its pixels carry a counter). */
    static byte[] uniquePng(int w, int h) {
        var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        int n = SEQ.incrementAndGet();
        g.setColor(new Color(0x1565c0 + n * 7919 & 0xffffff));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.drawString("uji " + n + " " + System.nanoTime(), 4, h / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A test video with a unique trailing {@code free} box: same frames, different SHA-256. */
    static byte[] uniqueVideo(String name) {
        byte[] video = TestMedia.bytes(name);
        byte[] extra = (SEQ.incrementAndGet() + "-" + System.nanoTime()).getBytes();
        ByteBuffer b = ByteBuffer.allocate(video.length + 8 + extra.length);
        b.put(video).putInt(8 + extra.length).put("free".getBytes()).put(extra);
        return b.array();
    }

    int rows() {
        return admin.services().jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM media")
                .mapTo(Integer.class).one());
    }

    long storedFiles() {
        awaitIntakeIdle();
        return count(admin.dataDir().resolve("media"));
    }

    long tempFiles() {
        awaitIntakeIdle();
        return count(admin.dataDir().resolve("tmp"));
    }

    /**
     * Waits until the intake job has made the posters of earlier uploads (it adds files to the store and uses
     * temporary files while it works), so counting files counts what the test did.
     */
    void awaitIntakeIdle() {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (admin.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM media_intake WHERE state IN ('QUEUED', 'RUNNING')").mapTo(Integer.class).one()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the intake job never finished its queue");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }

    /**
     * Waits until the temporary directory is empty: Jetty removes its spooled parts when the request ends, which
     * may be a moment after the answer. Fails the test when files are still there after 5 s.
     */
    void awaitNoTempFiles() {
        Eventually.await(() -> tempFiles() == 0, "no spooled upload left in " + admin.dataDir().resolve("tmp"),
                Duration.ofSeconds(5));
    }

    private static long count(Path dir) {
        try (var s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit actions recorded for a subject, oldest first. */
    java.util.List<String> auditOf(String id) {
        return admin.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT actor || ':' || action FROM audit_log WHERE subject_id = :id ORDER BY id")
                .bind("id", id).mapTo(String.class).list());
    }

    /** The SHA-256 of every item of the player's current manifest (its GET must answer 200). */
    static java.util.List<String> manifestFiles(id.ihati.videotron.admin.testing.TestPlayer player) {
        var r = player.get("/api/v1/player/manifest");
        org.assertj.core.api.Assertions.assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var files = new java.util.ArrayList<String>();
        json(r.body()).get("media").forEach(m -> files.add(m.get("sha256").asText()));
        return files;
    }
}
