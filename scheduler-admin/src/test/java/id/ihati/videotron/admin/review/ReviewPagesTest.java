package id.ihati.videotron.admin.review;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.WebClient;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The review pages over a real server: what a DPRD reviewer sees, and what they cannot do. */
class ReviewPagesTest {
    static TestAdmin admin;
    static WebClient reviewer;

    static final List<String> PAGES = List.of("/review", "/review/week", "/review/week?screen=alun",
            "/review/day?screen=alun&date=2026-11-24&hour=9", "/review/day?screen=alun&date=2026-11-24&at=14:05",
            "/review/bookings", "/review/bookings/b-dbd", "/review/versions", "/review/versions/2",
            "/review/delivery?from=2026-11-24&to=2026-11-24", "/review/delivery?from=2026-11-24&to=2026-11-24&screen=alun",
            "/review/comments", "/review/feed");

    @BeforeAll
    static void start() {
        admin = ReviewFixture.start();
        reviewer = admin.as(Role.REVIEWER);
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    @Test
    void reviewerReadsEveryReviewPageWithoutAnyWritingControlButComments() {
        for (String path : PAGES) {
            var r = reviewer.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            var doc = Jsoup.parse(r.body());
            assertThat(doc.select("p.notice.readonly").text()).as(path).contains("baca-saja");
            // The only forms that write are the comment forms, signing out and the language of one's own account.
            for (var form : doc.select("form[method=post]")) {
                assertThat(form.attr("action")).as(path).isIn("/review/comments", "/logout", "/account/language");
            }
            assertThat(r.body()).as(path).doesNotContain("<script>alert(1)</script>");
        }
    }

    @Test
    void editorsAndAdminReadThePagesButContributorsDoNot() {
        for (Role role : List.of(Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR)) {
            assertThat(admin.as(role).get("/review/delivery").statusCode()).as(role.name()).isEqualTo(200);
        }
        assertThat(admin.as(Role.CONTRIBUTOR).get("/review").statusCode()).isEqualTo(403);
        assertThat(admin.anonymous().get("/review").statusCode()).isEqualTo(302);
    }

    @Test
    void dayTimelineAnswersWhatIsOnScreenAtAGivenTime() {
        var doc = Jsoup.parse(reviewer.get("/review/day?screen=alun&date=2026-11-24&at=09:05").body());
        // The flood alert runs 09:00–09:10 on alun.
        assertThat(doc.select("#on-at").text()).contains("09:05").contains("Waspada banjir");
        assertThat(doc.select(".loop.hl .slot.ALERT")).isNotEmpty();
        assertThat(doc.select(".loop")).hasSize(30); // 120 s loops in one hour
    }

    @Test
    void weekViewColoursEachHourAndLinksToTheDay() {
        var doc = Jsoup.parse(reviewer.get("/review/week?screen=alun&start=2026-11-23").body());
        var rows = doc.select("section[data-screen=alun] tbody tr");
        assertThat(rows).hasSize(7);
        var hours = rows.get(0).select(".strip a.slot");
        assertThat(hours).hasSize(24);
        assertThat(hours.get(3).hasClass("DARK")).isTrue();      // 03:00 is outside 06:00–22:00
        assertThat(hours.get(10).hasClass("HEALTH")).isTrue();   // 3 DBD + 1 imunisasi of 8 slots a loop
        assertThat(hours.get(10).attr("href")).isEqualTo("/review/day?screen=alun&date=2026-11-23&hour=10");
    }

    @Test
    void aWeekOfOneChosenScreenDoesNotSayOnlyTheFirstTwelveAreShown() {
        // Two screens exist; choosing one of them is not "only the first 12 screens".
        assertThat(Jsoup.parse(reviewer.get("/review/week?screen=alun&start=2026-11-23").body()).text())
                .doesNotContain("12 layar");
        assertThat(Jsoup.parse(reviewer.get("/review/week?start=2026-11-23").body()).text())
                .doesNotContain("12 layar");
    }

    @Test
    void versionDiffShowsWhatChanged() {
        var doc = Jsoup.parse(reviewer.get("/review/versions").body());
        var v2 = doc.select("section[data-version=2]");
        assertThat(v2.select("li.change.added").text()).contains("Imunisasi Anak");
        assertThat(v2.select("li.change.changed").text()).contains("DBD 3M Plus").contains("frekuensi");
        assertThat(doc.select("section[data-version=1] li.change.added")).hasSize(2);
    }

    @Test
    void deliveryPageShowsReasonsAndTheBrokenChain() {
        var doc = Jsoup.parse(reviewer.get("/review/delivery?from=2026-11-24&to=2026-11-24").body());
        assertThat(doc.select("tr[data-screen=alun] .badge.bad").text()).contains("Rusak");
        assertThat(doc.select("tr[data-screen=pasar] .badge.ok").text()).contains("Utuh");
        var dbd = doc.select("tr[data-booking=b-dbd]");
        assertThat(dbd.select("[data-reason=MEDIA_ERROR]").text()).endsWith(": 2");
        assertThat(dbd.select("[data-reason=SCREEN_OFFLINE]").text()).contains("Layar luring");
        assertThat(doc.select("#export-pdf").attr("href")).startsWith("/review/delivery.pdf?from=2026-11-24");
    }

    @Test
    void badPeriodIsAnsweredPerFieldAndNothingBreaks() {
        var r = reviewer.get("/review/delivery?from=2026-11-24&to=2026-11-01");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(r.body()).select(".field-error").text()).contains("Tanggal akhir sebelum tanggal awal");
        assertThat(reviewer.get("/review/delivery.csv?from=kemarin").statusCode()).isEqualTo(400);
    }

    @Test
    void reviewerCommentsOnABookingAndAnEditorAnswersEscapedAndAudited() {
        var r = reviewer.postForm("/review/comments", Map.of("subjectType", "BOOKING", "subjectId", "b-dbd",
                "body", "Mengapa <b>DBD</b> kurang tayang di Alun-alun?"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/review/bookings/b-dbd#comments");
        var page = reviewer.get("/review/bookings/b-dbd");
        assertThat(page.body()).contains("Komentar tersimpan");
        var thread = Jsoup.parse(page.body()).select("#comments .thread").last();
        assertThat(thread.select(".comment-body").first().text()).isEqualTo("Mengapa <b>DBD</b> kurang tayang di Alun-alun?");
        assertThat(page.body()).contains("Mengapa &lt;b&gt;DBD&lt;/b&gt;");
        String parent = thread.select("input[name=parent]").attr("value");

        WebClient editor = admin.as(Role.HEALTH_EDITOR);
        editor.get("/review/bookings/b-dbd");
        var answer = editor.postForm("/review/comments", Map.of("subjectType", "BOOKING", "subjectId", "b-dbd",
                "parent", parent, "body", "Layar luring satu jam karena listrik padam."));
        assertThat(answer.statusCode()).isEqualTo(302);
        var answered = Jsoup.parse(reviewer.get("/review/bookings/b-dbd").body()).select("#comments .thread").last();
        assertThat(answered.select(".answer .comment-body").text()).contains("listrik padam");
        assertThat(admin.services().audit.latest(20, 0)).anyMatch(e -> e.action().equals("review.comment")
                && e.actor().equals("uji_reviewer") && e.subjectId().equals("b-dbd"))
                .anyMatch(e -> e.action().equals("review.comment.answer") && e.actor().equals("uji_health_editor"));
    }

    @Test
    void commentsOnUnknownSubjectsOrEmptyAreRefused() {
        reviewer.get("/review/comments");
        var r = reviewer.json("POST", "/review/comments?x=1", null);
        assertThat(r.statusCode()).isIn(403, 422); // no form fields at all
        var empty = reviewer.postForm("/review/comments", Map.of("subjectType", "BOOKING", "subjectId", "b-dbd", "body", "  "));
        assertThat(empty.statusCode()).isEqualTo(302);
        long before = count();
        reviewer.postForm("/review/comments", Map.of("subjectType", "VERSION", "subjectId", "99", "body", "Ada?"));
        reviewer.postForm("/review/comments", Map.of("subjectType", "BOOKING", "subjectId", "b-dbd", "body", "x".repeat(2001)));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aPendingFlashMessageDoesNotBreakTheBusiestPage() {
        WebClient c = admin.as(Role.REVIEWER);
        c.get("/review/comments");
        c.postForm("/review/comments", Map.of("subjectType", "BOOKING", "subjectId", "b-dbd", "body", ""));
        var r = c.get("/review/day?screen=alun&date=2026-11-24&hour=9");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie")).hasSizeLessThan(3);
    }

    static long count() {
        return admin.services().jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM review_comment").mapTo(Long.class).one());
    }

    @Test
    void reviewerCannotOpenAScreenToTheFeed() {
        reviewer.get("/review/feed");
        var r = reviewer.postForm("/review/feed/alun", Map.of("open", "true"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(admin.services().review.feed().all()).isEmpty();
    }
}
