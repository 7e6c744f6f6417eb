package id.ihati.videotron.admin.media;

import static id.ihati.videotron.admin.media.MediaFixtures.meta;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The library's HTML forms: CSRF, per-field errors in place, edits that send content back for approval. */
class MediaPagesTest {
    static TestAdmin admin;
    static MediaFixtures fx;

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        fx = new MediaFixtures(admin);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void theUploadFormPostsWithItsCsrfFieldAndShowsRefusalsOnTheForm() {
        WebClient c = fx.as(Role.CONTRIBUTOR);
        Document form = Jsoup.parse(c.get("/media/new").body());
        assertThat(form.select("form#upload-form[enctype=multipart/form-data] input[name=_csrf]")).hasSize(1);
        var body = new Multipart().field("_csrf", c.csrf()).fields(meta("Video VP9", "HEALTH", "dbd"))
                .file("file", "klip.mp4", "video/mp4", TestMedia.bytes("corrupt-truncated.mp4"));
        var r = c.send(HttpRequest.newBuilder(URI.create(c.base() + "/media")).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.build())).build());
        assertThat(r.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(r.body());
        assertThat(page.select(".field-error[data-field=file]").text()).contains("rusak atau tidak lengkap");
        assertThat(page.select("input[name=title]").val()).isEqualTo("Video VP9");
        var noCsrf = new Multipart().fields(meta("X", "HEALTH", ""))
                .file("file", "a.png", "image/png", MediaFixtures.uniquePng(64, 32));
        var refused = c.send(HttpRequest.newBuilder(URI.create(c.base() + "/media"))
                .header("Content-Type", noCsrf.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(noCsrf.build())).build());
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aRejectionWithoutReasonIsShownOnTheDetailPageInEnglishToo() {
        String id = fx.uploaded(Role.CONTRIBUTOR, "p.png", MediaFixtures.uniquePng(64, 32), meta("P", "HEALTH", ""))
                .get("id").asText();
        WebClient editor = fx.as(Role.HEALTH_EDITOR);
        editor.get("/media/" + id);
        var r = editor.postForm("/media/" + id + "/reject?lang=en", Map.of("reason", "  "));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select(".field-error[data-field=reason]").text())
                .contains("Give a reason");
        var ok = editor.postForm("/media/" + id + "/reject", Map.of("reason", "Gambar buram"));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(editor.get("/media/" + id + "?lang=id").body()).contains("Ditolak: Gambar buram");
    }

    @Test
    void aContributorsChangeToApprovedContentSendsItBackForApproval() {
        String id = fx.uploaded(Role.CONTRIBUTOR, "q.png", MediaFixtures.uniquePng(64, 32), meta("Q", "HEALTH", ""))
                .get("id").asText();
        fx.as(Role.HEALTH_EDITOR).get("/media/" + id);
        assertThat(fx.as(Role.HEALTH_EDITOR).postForm("/media/" + id + "/approve", Map.of()).statusCode()).isEqualTo(302);
        WebClient c = fx.as(Role.CONTRIBUTOR);
        Document edit = Jsoup.parse(c.get("/media/" + id + "/edit").body());
        assertThat(edit.select("input[name=title]").val()).isEqualTo("Q");
        var r = c.postForm("/media/" + id, Map.of("title", "Q baru", "owner", "Puskesmas Citangkil",
                "category", "HEALTH", "tags", "gizi", "displaySeconds", "20", "validUntil", "2020-01-01T00:00"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(r.body()).select(".field-error[data-field=validUntil]").text()).contains("sudah lewat");
        r = c.postForm("/media/" + id, Map.of("title", "Q baru", "owner", "Puskesmas Citangkil",
                "category", "HEALTH", "tags", "gizi", "displaySeconds", "20", "validFrom", "2030-01-01T07:00"));
        assertThat(r.statusCode()).isEqualTo(302);
        MediaItem m = admin.services().media.find(id).orElseThrow();
        assertThat(m.status()).isEqualTo(MediaStatus.PENDING);
        assertThat(m.title()).isEqualTo("Q baru");
        assertThat(m.validFrom()).isEqualTo(java.time.Instant.parse("2030-01-01T00:00:00Z")); // 07:00 WIB
        assertThat(fx.auditOf(id)).last().asString().contains("media.update");
        // the health editor may edit without losing the decision; the reviewer may not edit at all
        assertThat(fx.as(Role.REVIEWER).get("/media/" + id + "/edit").statusCode()).isEqualTo(403);
        assertThat(fx.as(Role.REVIEWER).postForm("/media/" + id, Map.of("title", "x")).statusCode()).isEqualTo(403);
    }

    @Test
    void theListKeepsItsFiltersWhenPaging() {
        Document d = Jsoup.parse(fx.as(Role.REVIEWER).get("/media?status=PENDING&tag=gizi").body());
        assertThat(d.select("select[name=status] option[selected]").val()).isEqualTo("PENDING");
        assertThat(d.select("a.button[href*=Unggah]")).isEmpty();
        assertThat(d.select("a[href=/media/new]")).isEmpty();
    }
}
