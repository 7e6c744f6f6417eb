package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.json;
import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.media.intake.Clips;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;

/**
 * Upload → durable job → converted → approvable, over real HTTP on H2 with the real ffmpeg. The job scheduler
 * is held in standby while a test looks at a queued video, so "still converting" is a state, not a race.
 */
class IntakeFlowTest {
    static TestAdmin admin;
    static MediaFixtures fx;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        fx = new MediaFixtures(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @AfterEach
    void jobsRunAgain() throws Exception {
        quartz().start();
    }

    static Scheduler quartz() {
        return admin.server().jobs().quartz();
    }

    static Clips.Kind hevc() {
        return Clips.phoneAndEditorOutputs().get(0);
    }

    @Test
    void anHevcPhoneClipIsAcceptedAtOnceRefusedForApprovalWhileQueuedThenConvertedAndApprovable() throws Exception {
        quartz().standby();
        byte[] clip = Files.readAllBytes(Clips.make(dir, hevc(), 1.5));
        long t0 = System.nanoTime();
        JsonNode m = fx.uploaded(Role.CONTRIBUTOR, "IMG_0042.MOV", clip, meta("Senam lansia", "HEALTH", "lansia"));
        long uploadMillis = (System.nanoTime() - t0) / 1_000_000;
        String id = m.get("id").asText();
        assertThat(m.get("status").asText()).isEqualTo("PENDING");
        assertThat(uploadMillis).as("the upload does not wait for the conversion").isLessThan(5000);

        JsonNode queued = intake(id);
        assertThat(queued.at("/status/state").asText()).isEqualTo("QUEUED");
        assertThat(queued.at("/label").asText()).isEqualTo("Menunggu konversi");
        assertThat(queued.at("/reasonsEn").toString()).contains("the video codec (not H.264)");

        var early = fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + id + "/approve", null);
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("masih dikonversi").contains("still being converted");

        quartz().start();
        JsonNode done = awaitIntake(id, v -> v.at("/status/state").asText().equals("DONE"));
        assertThat(done.at("/labelEn").asText()).isEqualTo("Ready to play");
        assertThat(done.at("/status/percent").asInt()).isEqualTo(100);

        JsonNode item = json(fx.as(Role.CONTRIBUTOR).get("/api/v1/media/items/" + id).body());
        assertThat(item.get("videoCodec").asText()).isEqualTo("avc1");
        assertThat(item.get("contentType").asText()).isEqualTo("video/mp4");
        Path served = admin.dataDir().resolve("media").resolve(item.at("/file/sha256").asText());
        JsonNode probe = Clips.probe(served);
        assertThat(Clips.stream(probe, "video").path("codec_name").asText()).isEqualTo("h264");
        assertThat(Clips.stream(probe, "audio").path("sample_rate").asInt()).isEqualTo(48000);
        Path silent = admin.dataDir().resolve("media").resolve(item.at("/videoOnly/sha256").asText());
        assertThat(Clips.stream(Clips.probe(silent), "audio")).isNull();
        assertThat(Files.readAllBytes(admin.dataDir().resolve("media").resolve(
                done.at("/status/posterUrl").asText().substring("/api/v1/media/".length())))).startsWith(0xFF, 0xD8);

        var poster = fx.as(Role.CONTRIBUTOR).get("/media/" + id + "/poster.jpg");
        assertThat(poster.statusCode()).isIn(200, 302);

        var ok = fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + id + "/approve", null);
        assertThat(ok.statusCode()).isEqualTo(200);
        var screen = admin.services().media.forScreen(id,
                TestScreens.profile("uji-layar")).orElseThrow();
        assertThat(screen.sha256()).as("players get the converted file").isEqualTo(item.at("/file/sha256").asText());
        assertThat(fx.auditOf(id)).contains("system:media.convert", "uji_health_editor:media.approve");

        var again = fx.upload(Role.CONTRIBUTOR, "lagi.mov", clip, meta("Lagi", "HEALTH", ""));
        assertThat(again.statusCode()).as("the same original is a duplicate after conversion too").isEqualTo(409);
    }

    @Test
    void aConversionThatFailsTellsTheContributorWhyInBothLanguagesAndCannotBeApproved() throws Exception {
        quartz().standby();
        byte[] clip = Files.readAllBytes(Clips.make(dir, Clips.phoneAndEditorOutputs().get(1), 1.5));
        JsonNode m = fx.uploaded(Role.CONTRIBUTOR, "klip.webm", clip, meta("Klip rusak", "HEALTH", ""));
        String id = m.get("id").asText();
        // The original vanishes before the job runs (a disk fault): the job must fail the item, not lose track.
        Files.delete(admin.dataDir().resolve("media").resolve(m.at("/file/sha256").asText()));
        quartz().start();
        JsonNode failed = awaitIntake(id, v -> v.at("/status/state").asText().equals("FAILED"));
        assertThat(failed.at("/status/failure").asText()).contains("tidak dapat dikonversi");
        assertThat(failed.at("/status/failureEn").asText()).contains("could not be converted");
        var approve = fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + id + "/approve", null);
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(approve.body()).contains("conversion failed");
    }

    @Test
    void aConversionCutOffByAStopIsStartedAgain() throws Exception {
        quartz().standby();
        byte[] clip = Files.readAllBytes(Clips.make(dir, Clips.phoneAndEditorOutputs().get(2), 1.5));
        String id = fx.uploaded(Role.CONTRIBUTOR, "enam-puluh.mp4", clip, meta("60 fps", "HEALTH", ""))
                .get("id").asText();
        // As a server killed mid-conversion leaves it.
        admin.services().jdbi.useHandle(h -> h.createUpdate(
                "UPDATE media_intake SET state = 'RUNNING', percent = 40 WHERE media_id = :id").bind("id", id).execute());
        quartz().start();
        awaitIntake(id, v -> v.at("/status/state").asText().equals("DONE"));
        JsonNode item = json(fx.as(Role.CONTRIBUTOR).get("/api/v1/media/items/" + id).body());
        JsonNode v = Clips.stream(Clips.probe(admin.dataDir().resolve("media").resolve(item.at("/file/sha256").asText())), "video");
        assertThat(v.path("avg_frame_rate").asText()).isEqualTo("30/1");
    }

    @Test
    void aVideoThatPlaysAsItIsIsApprovableAtOnceAndGetsAPoster() {
        JsonNode m = fx.uploaded(Role.CONTRIBUTOR, "a.mp4", MediaFixtures.uniqueVideo("health-with-audio.mp4"),
                meta("Siap", "HEALTH", ""));
        String id = m.get("id").asText();
        assertThat(fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + id + "/approve", null)
                .statusCode()).isEqualTo(200);
        JsonNode done = awaitIntake(id, v -> v.at("/status/state").asText().equals("DONE"));
        assertThat(done.at("/status/converts").asBoolean()).isFalse();
        assertThat(done.at("/status/posterUrl").asText()).startsWith("/api/v1/media/");
        var poster = fx.as(Role.CONTRIBUTOR).get(done.at("/status/posterUrl").asText());
        assertThat(poster.statusCode()).isEqualTo(200);
        assertThat(poster.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void aPortraitPhoneClipIsWarnedAboutOnALetterboxingWidePanel() {
        TestScreens.create(admin, TestScreens.profile("layar-lebar"));
        JsonNode m = fx.uploaded(Role.CONTRIBUTOR, "tegak.mp4", bytes(Clips.portrait(dir)), meta("Tegak", "HEALTH", ""));
        String id = m.get("id").asText();
        assertThat(m.get("width").asInt()).isEqualTo(180);
        assertThat(m.get("height").asInt()).isEqualTo(320);
        JsonNode looks = json(fx.as(Role.HEALTH_EDITOR).get("/api/v1/media/items/" + id + "/looks").body());
        JsonNode wide = null;
        for (JsonNode l : looks) {
            if (l.at("/preview/screen").asText().equals("Videotron layar-lebar")) {
                wide = l;
            }
        }
        assertThat(wide).isNotNull();
        assertThat(wide.at("/preview/coverage").asDouble()).isBetween(0.27, 0.29);
        assertThat(wide.at("/warningsEn/0").asText()).contains("covers only 28 %", "Videotron layar-lebar");
        assertThat(wide.at("/warnings/0").asText()).contains("hanya menutupi 28 %");
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode intake(String id) {
        var r = fx.as(Role.CONTRIBUTOR).get("/api/v1/media/items/" + id + "/intake");
        assertThat(r.statusCode()).isEqualTo(200);
        return json(r.body());
    }

    static JsonNode awaitIntake(String id, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode last;
        do {
            last = intake(id);
            if (condition.test(last)) {
                return last;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        } while (System.nanoTime() < deadline);
        throw new AssertionError("intake of " + id + " never got there: " + last);
    }
}
