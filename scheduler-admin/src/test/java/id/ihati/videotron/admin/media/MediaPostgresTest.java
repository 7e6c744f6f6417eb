package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.json;
import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.playlists.schedule.Category;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The upload → approve flow, filters and purge bookkeeping on a real PostgreSQL. */
class MediaPostgresTest {
    static TestAdmin admin;
    static MediaFixtures fx;

    @BeforeAll
    static void start() {
        admin = TestAdmin.postgres();
        fx = new MediaFixtures(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void aContributorsUploadIsApprovedByAHealthEditorAndBecomesBookable() {
        JsonNode m = fx.uploaded(Role.CONTRIBUTOR, "dbd.mp4", MediaFixtures.uniqueVideo("health-with-audio.mp4"),
                meta("DBD 3M Plus", "HEALTH", "DBD, PSC 119"));
        String id = m.get("id").asText();
        assertThat(m.get("status").asText()).isEqualTo("PENDING");
        assertThat(m.get("videoOnly").isNull()).isFalse();
        var approved = fx.as(Role.HEALTH_EDITOR).json("POST", "/api/v1/media/items/" + id + "/approve", null);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json(approved.body()).get("status").asText()).isEqualTo("APPROVED");
        assertThat(admin.services().media.approved(Category.HEALTH)).extracting(MediaSummary::id).contains(id);
        assertThat(fx.auditOf(id)).containsExactly("uji_contributor:media.upload", "uji_health_editor:media.approve");
        var list = json(fx.as(Role.REVIEWER).get("/api/v1/media?tag=psc-119&status=APPROVED&q=dbd").body());
        assertThat(list.get("items")).extracting(i -> i.get("id").asText()).containsExactly(id);
        var again = fx.upload(Role.CONTRIBUTOR, "dbd.png", TestMedia.bytes("corrupt-truncated.mp4"), meta("x", "HEALTH", ""));
        assertThat(again.statusCode()).isEqualTo(422);
        admin.services().media.purge(MediaPurgeJob.GRACE);
        assertThat(admin.services().media.file(m.get("file").get("sha256").asText())).isPresent();
    }
}
