package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.json;
import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Oversized and cut-off uploads are refused clearly and leave no file, no temporary file and no row. */
class UploadLimitsTest {
    static TestAdmin admin;
    static MediaFixtures fx;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2(); // 5 MiB upload limit
        fx = new MediaFixtures(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void anOversizedUploadIsRefusedWith413OnTheFileField() throws Exception {
        int rows = fx.rows();
        long files = fx.storedFiles();
        byte[] big = new byte[6 * 1024 * 1024];
        big[0] = (byte) 0x89;
        var r = fx.upload(Role.CONTRIBUTOR, "besar.mp4", big, meta("Besar", "HEALTH", ""));
        assertThat(r.statusCode()).isEqualTo(413);
        var e = json(r.body()).get("errors").get(0);
        assertThat(e.get("field").asText()).isEqualTo("file");
        assertThat(e.get("messageEn").asText()).contains("too large", "5 MB");
        assertThat(e.get("message").asText()).contains("terlalu besar", "5 MB");
        assertNothingLeft(rows, files);
    }

    @Test
    void anOversizedUploadFromTheFormShowsTheMessageOnTheForm() throws Exception {
        WebClient c = fx.as(Role.CONTRIBUTOR);
        c.get("/media/new");
        var body = new Multipart().field("_csrf", c.csrf()).fields(meta("Besar", "HEALTH", ""))
                .file("file", "besar.mp4", "video/mp4", new byte[6 * 1024 * 1024]);
        var r = c.send(HttpRequest.newBuilder(URI.create(c.base() + "/media")).header("Content-Type", body.contentType())
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body.build())).build());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("terlalu besar");
    }

    @Test
    void anUploadCutOffHalfWayLeavesNoFileAndNoRow() throws Exception {
        int rows = fx.rows();
        long files = fx.storedFiles();
        WebClient c = fx.as(Role.CONTRIBUTOR);
        byte[] whole = new Multipart().fields(meta("Terputus", "HEALTH", ""))
                .file("file", "video.mp4", "video/mp4", MediaFixtures.uniqueVideo("health-with-audio.mp4")).build();
        var mp = new Multipart();
        // The body stops half-way and the client aborts, as when a laptop loses Wi-Fi during an upload.
        var request = HttpRequest.newBuilder(URI.create(c.base() + "/api/v1/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundaryOf(whole))
                .header("X-CSRF-Token", c.csrf())
                .POST(HttpRequest.BodyPublishers.fromPublisher(new HalfThenFail(whole), whole.length)).build();
        try {
            c.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException expected) {
            // the client gave up; the server must not have kept anything
        }
        assertNothingLeft(rows, files);
        // and the server still works
        assertThat(fx.upload(Role.CONTRIBUTOR, "ok.png", MediaFixtures.uniquePng(64, 32), meta("OK", "HEALTH", ""))
                .statusCode()).isEqualTo(201);
        assertThat(mp.boundary).isNotEmpty();
    }

    @Test
    void aTruncatedBodyOnARawSocketIsAnsweredAndLeavesNothing() throws Exception {
        int rows = fx.rows();
        long files = fx.storedFiles();
        byte[] whole = new Multipart().fields(meta("Terpotong", "HEALTH", ""))
                .file("file", "video.mp4", "video/mp4", MediaFixtures.uniqueVideo("city-video-only.mp4")).build();
        try (var socket = new java.net.Socket("localhost", admin.port())) {
            var out = socket.getOutputStream();
            String head = "POST /api/v1/media HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary="
                    + boundaryOf(whole) + "\r\nContent-Length: " + whole.length + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes());
            out.write(whole, 0, whole.length / 2);
            out.flush();
            socket.shutdownOutput(); // EOF long before Content-Length bytes
            String answer = new String(socket.getInputStream().readAllBytes());
            assertThat(answer).startsWith("HTTP/1.1 4");
        }
        assertNothingLeft(rows, files);
    }

    private static void assertNothingLeft(int rows, long files) throws InterruptedException {
        assertThat(fx.rows()).isEqualTo(rows);
        assertThat(fx.storedFiles()).isEqualTo(files);
        fx.awaitNoTempFiles();
    }

    private static String boundaryOf(byte[] body) {
        String s = new String(body, 0, 80, java.nio.charset.StandardCharsets.ISO_8859_1);
        return s.substring(2, s.indexOf("\r\n"));
    }

    /** Publishes the first half of the body, then fails, so the client aborts mid-request. */
    private record HalfThenFail(byte[] body) implements Flow.Publisher<ByteBuffer> {
        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> s) {
            s.onSubscribe(new Flow.Subscription() {
                boolean done;

                @Override
                public void request(long n) {
                    if (done) {
                        return;
                    }
                    done = true;
                    s.onNext(ByteBuffer.wrap(body, 0, body.length / 2));
                    s.onError(new java.io.IOException("connection lost"));
                }

                @Override
                public void cancel() {
                    done = true;
                }
            });
        }
    }
}
