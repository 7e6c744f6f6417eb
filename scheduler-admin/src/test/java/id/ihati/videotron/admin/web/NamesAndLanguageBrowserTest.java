package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.demo.DemoAccounts;
import id.ihati.videotron.admin.media.MediaSummary;
import id.ihati.videotron.admin.review.comments.Comment;
import id.ihati.videotron.admin.testing.Browser;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Targets;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every person reads names, not ids, and one language at a time. Headless Chromium signs in as each demo role on
 * a demo server (with a DPRD comment, a rollback, a live and a cancelled alert, and a playing player with a media
 * error added), walks the navigation and the links of the pages it reaches (GET only, same origin; at most
 * {@link #PER_SHAPE} pages of each kind in Indonesian and one in English, at most {@link #MAX_PAGES} pages per role
 * and language), and reads what a person reads: the visible text, the page title and tooltips; also the sign-in
 * page and a not-found page. It finds no raw id ({@code bk-…}, {@code al-…}, {@code m-…}), no untranslated code
 * (enum names, UPPER_SNAKE, dotted audit codes, {@code ??key??}), no English month or day name in the Indonesian UI
 * and no Indonesian one in the English UI, no number formatted for the other language or not grouped at all, and
 * no "loop" in Indonesian ("putaran"). Texts people wrote themselves (titles, names, notes, comments) are taken
 * out before the check: they are in whatever language their author used.
 */
class NamesAndLanguageBrowserTest {
    static final int PER_SHAPE = 2;
    static final int MAX_PAGES = 45;

    static TestAdmin demo;
    static Browser browser;
    /** Texts written by people, longest first, removed from a page's text before it is checked. */
    static List<String> peoplesTexts;

    @BeforeAll
    static void start() throws Exception {
        demo = TestAdmin.start(TestDatabases.h2Url(), Clock.systemUTC(), c -> c.withDemo(true));
        var s = demo.services();
        // The story of issue 10: a DPRD comment on a booking, a rollback without a note, alerts, a player that
        // reports what it plays and an item it could not play.
        User dprd = s.users.findByUsername("dprd").orElseThrow();
        String booking = s.scheduling.workingSet().get(0).id();
        s.review.comments().add(dprd, new Comment.Subject(Comment.Subject.Type.BOOKING, booking), null,
                "Mohon jelaskan jam tayang pemesanan ini.");
        User admin = s.users.findByUsername("admin").orElseThrow();
        long latest = s.scheduling.latestNumber();
        s.scheduling.rollback(admin, latest - 1, latest, null);
        MediaSummary video = s.media.approved(Category.HEALTH).get(0);
        // An emergency alert on the demo screen for the next hour, then cancelled: both show on the alerts page.
        Instant now = s.clock.instant();
        s.scheduling.raiseAlert(admin, new Alert("al-0a1b2c3d", "Banjir di Jl. Sudirman", video.id(),
                new Targets(Set.of("demo-lokal"), Set.of(), false), now, now.plusSeconds(3600), 10));
        s.scheduling.raiseAlert(admin, new Alert("al-4e5f6a7b", "Jalan ditutup", video.id(),
                new Targets(Set.of("alun-alun"), Set.of(), false), now, now.plusSeconds(3600), 10));
        s.scheduling.cancelAlert(admin, "al-4e5f6a7b");
        String token = Files.readString(demo.dataDir().resolve("demo-player-token")).strip();
        new TestPlayer(demo.baseUrl(), token).postJson("/api/v1/player/heartbeat",
                "{\"status\":\"PLAYING\",\"playing\":{\"mediaId\":\"" + video.id() + "\",\"sourceId\":\"" + booking
                        + "\",\"since\":\"" + s.clock.instant() + "\"},\"mediaErrors\":[{\"mediaId\":\"" + video.id()
                        + "\",\"error\":\"MEDIA_CORRUPTED\"}]}");
        s.screenWatch.check(s.clock.instant()); // the media error becomes an open incident
        peoplesTexts = peoplesTexts();
        browser = new Browser("NamesAndLanguageBrowserTest", demo.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void everyPageEachRoleReachesShowsNamesAndOneLanguage() {
        var findings = new ArrayList<String>();
        var pageTexts = new HashMap<String, String>();
        var visited = new TreeSet<String>();
        for (DemoAccounts.Login login : DemoAccounts.LOGINS) {
            browser.driver().manage().deleteAllCookies();
            for (String lang : List.of("en", "id")) { // the sign-in page, ending in Indonesian
                browser.open("/login?lang=" + lang);
                check(readablePage(), lang).forEach(f -> findings.add("signed out " + lang + " /login: " + f));
            }
            browser.find("[name=username]").sendKeys(login.username());
            browser.find("[name=password]").sendKeys(login.password());
            browser.press("button[type=submit]");
            for (String lang : List.of("id", "en")) {
                browser.open("/?lang=" + lang);
                browser.open("/bookings/bk-00000000"); // a page that is not there
                check(readablePage(), lang).forEach(f -> findings.add(login.role() + " " + lang + " 404: " + f));
                // English reads the same templates: one page of each kind is enough there, and keeps the run short.
                for (String path : crawl(lang.equals("id") ? PER_SHAPE : 1)) {
                    String text = readablePage();
                    String where = login.role() + " " + lang + " " + path;
                    visited.add(lang + " " + path.replaceAll("\\?.*", ""));
                    List<String> found = check(text, lang);
                    if (!found.isEmpty()) {
                        found.forEach(f -> findings.add(where + ": " + f));
                        pageTexts.putIfAbsent(where, text);
                    }
                }
            }
        }
        System.out.println("Pages visited (" + visited.size() + " paths): " + visited);
        if (!findings.isEmpty()) {
            pageTexts.forEach((where, text) -> System.out.println("\n===== " + where + " =====\n" + text));
        }
        assertThat(findings).as("what a person reads, per role, language and page").isEmpty();
        assertThat(visited).as("the crawl reached the pages of every feature")
                .anyMatch(p -> p.startsWith("id /bookings/"))
                .anyMatch(p -> p.startsWith("id /media/"))
                .anyMatch(p -> p.startsWith("id /review/bookings/"))
                .anyMatch(p -> p.startsWith("en /schedule/versions/"))
                .contains("id /audit", "id /review/comments", "en /screens", "en /timeline");
    }

    /**
     * Visits the pages reachable from the current one, breadth first; calls back with the browser on each page
     * (the iteration happens while the browser shows the page the returned path names).
     */
    private static Iterable<String> crawl(int perShape) {
        return () -> new java.util.Iterator<>() {
            final ArrayDeque<String> queue = new ArrayDeque<>(List.of("/"));
            final Set<String> seen = new LinkedHashSet<>(List.of("/"));
            final Map<String, Integer> shapes = new HashMap<>();
            int pages;

            @Override
            public boolean hasNext() {
                return !queue.isEmpty() && pages < MAX_PAGES;
            }

            @Override
            public String next() {
                String path = queue.poll();
                browser.open(path);
                pages++;
                for (String link : links()) {
                    if (seen.add(link) && shapes.merge(shape(link), 1, Integer::sum) <= perShape) {
                        queue.add(link);
                    }
                }
                return path;
            }
        };
    }

    /** The same-origin GET links of the page, as paths; no downloads, files, sign-out or language switch. */
    @SuppressWarnings("unchecked")
    private static List<String> links() {
        var hrefs = (List<String>) browser.driver().executeScript(
                "return Array.from(document.querySelectorAll('a[href]')).filter(a => !a.hasAttribute('download'))"
                        + ".map(a => a.href)");
        var out = new ArrayList<String>();
        URI base = URI.create(demo.baseUrl());
        for (String href : hrefs) {
            URI u = URI.create(href.replaceAll("#.*", ""));
            if (!base.getHost().equals(u.getHost()) || base.getPort() != u.getPort()) {
                continue;
            }
            String path = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
            if (path.startsWith("/api/") || path.startsWith("/assets/") || path.contains("lang=")
                    || path.matches(".*\\.(pdf|csv|ics|png|jpg|jpeg|mp4|json)(\\?.*)?$")
                    || path.matches("/media/[^/]+/(file|thumb|preview|download|video-only).*")) {
                continue;
            }
            out.add(path);
        }
        return out;
    }

    /** The kind of page a link opens: ids, numbers and dates made anonymous, query values dropped. */
    static String shape(String path) {
        String[] parts = path.split("\\?", 2);
        String p = parts[0].replaceAll("/(m-[a-z2-9]{10}|[^/]*\\d[^/]*)(?=/|$)", "/{x}");
        String q = parts.length < 2 ? "" : Stream.of(parts[1].split("&")).map(kv -> kv.replaceAll("=.*", ""))
                .sorted().reduce("", (a, b) -> a + "&" + b);
        return p + "?" + q;
    }

    /** What a person reads on the current page: title, visible text and tooltips, minus people's own texts. */
    private static String readablePage() {
        String text = (String) browser.driver().executeScript(
                "return document.title + '\\n' + document.body.innerText + '\\n' + Array.from("
                        + "document.querySelectorAll('[title]')).map(e => e.title).join('\\n')");
        for (String t : peoplesTexts) {
            text = text.replace(t, "\u2026");
        }
        return text;
    }

    private static final Pattern RAW_ID = Pattern.compile("\\b(bk|al)-[0-9a-f]{8}\\b|\\bm-[a-z2-9]{10}\\b");
    private static final Pattern SNAKE = Pattern.compile("\\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\\b");
    private static final Pattern DOTTED = Pattern.compile(
            "\\b(media|review|booking|bookings|schedule|screen|screens|user|users|audit|alert|device|player|nav"
                    + "|role|dashboard)\\.[a-z][a-zA-Z.]*[a-zA-Z]\\b|\\?\\?[^?\\s]+\\?\\?");
    /** Names of the codes the application keeps (enum constants) that a page must translate. */
    private static final Pattern ENUM_NAME = Pattern.compile("\\b(HEALTH|CITY|ALERT|FILLER|EMERGENCY|PENDING"
            + "|APPROVED|REJECTED|DRAFT|PUBLISHED|WITHDRAWN|ARCHIVED|VIDEO|IMAGE|SLIDE|ADMIN|CONTRIBUTOR|REVIEWER"
            + "|PLAYING|IDLE|PAIRING|DOWNLOADING|ERROR|OFFLINE|ONLINE|CONTAIN|COVER|STRETCH|ACTIVE|LIVE|CANCELLED"
            + "|ENDED|OPEN|CLOSED)\\b");
    private static final Pattern ENGLISH_DATE = Pattern.compile("\\b(January|February|March|May|June|July|August"
            + "|October|December|Aug|Oct|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            + "|Mon|Tue|Wed|Thu|Fri|Sat|Sun|AM|PM)\\b");
    private static final Pattern INDONESIAN_DATE = Pattern.compile("\\b(Januari|Februari|Maret|Mei|Juni|Juli"
            + "|Agustus|Oktober|Desember|Agu|Okt|Des|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\\b");
    /** 1,440 in Indonesian or 1.440 in English; a bare 1440 in either (pixel sizes and years aside). */
    private static final Pattern ENGLISH_NUMBER = Pattern.compile("(?<![\\d.,])\\d{1,3}(,\\d{3})+(?![\\d,])");
    private static final Pattern INDONESIAN_NUMBER = Pattern.compile("(?<![\\d.,])\\d{1,3}(\\.\\d{3})+(?![\\d.])");
    private static final Pattern UNGROUPED = Pattern.compile(
            "(?<![\\d.,:×x/-])(?<!×\\s)\\d{4,}(?![\\d.,:×x%/-]|\\s*(×|x|px))");
    /** File hashes and map coordinates, written the same in every language. */
    private static final Pattern NEUTRAL = Pattern.compile("\\b[0-9a-f]{12,}\\b|\\(-?\\d+\\.\\d+, -?\\d+\\.\\d+\\)");
    private static final Pattern LOOP = Pattern.compile("(?i)\\bloops?\\b");

    static List<String> check(String page, String lang) {
        String text = NEUTRAL.matcher(page).replaceAll("#");
        var out = new ArrayList<String>();
        find(RAW_ID, text, "raw id", out);
        find(SNAKE, text, "untranslated code", out);
        find(DOTTED, text, "untranslated code", out);
        find(ENUM_NAME, text, "untranslated code", out);
        if (lang.equals("id")) {
            find(ENGLISH_DATE, text, "English date word", out);
            find(ENGLISH_NUMBER, text, "English number", out);
            find(LOOP, text, "'loop' in Indonesian (putaran)", out);
        } else {
            find(INDONESIAN_DATE, text, "Indonesian date word", out);
            find(INDONESIAN_NUMBER, text, "Indonesian number", out);
        }
        for (Matcher m = UNGROUPED.matcher(text); m.find(); ) {
            long n = Long.parseLong(m.group().length() > 12 ? "0" : m.group());
            if (n >= 10_000 || n < 1900 || n > 2100) {
                out.add("number without thousands separator «" + context(text, m) + "»");
            }
        }
        return out;
    }

    private static void find(Pattern p, String text, String what, List<String> out) {
        for (Matcher m = p.matcher(text); m.find(); ) {
            out.add(what + " «" + context(text, m) + "»");
        }
    }

    private static String context(String text, Matcher m) {
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(text.length(), m.end() + 40);
        return text.substring(from, to).replace('\n', ' ');
    }

    /** Titles, names, notes and comments people typed, as the pages show them. */
    private static List<String> peoplesTexts() {
        var s = demo.services();
        var texts = new LinkedHashSet<String>();
        s.media.approved(Category.HEALTH).forEach(m -> texts.add(m.title()));
        s.media.approved(Category.CITY).forEach(m -> texts.add(m.title()));
        s.scheduling.liveAlerts().forEach(a -> texts.add(a.title()));
        texts.add("Jalan ditutup");
        s.scheduling.workingSet().forEach(b -> {
            texts.add(b.booking().title());
            texts.add(b.booking().ownerOrganisation());
        });
        s.screens.profiles().forEach(p -> {
            texts.add(p.name());
            if (p.location() != null) {
                texts.add(p.location().text());
            }
        });
        DemoAccounts.LOGINS.forEach(l -> {
            texts.add(l.displayName());
            texts.add(l.organisation());
        });
        s.jdbi.useHandle(h -> {
            texts.addAll(h.createQuery("SELECT title FROM media").mapTo(String.class).list());
            texts.addAll(h.createQuery("SELECT body FROM review_comment").mapTo(String.class).list());
            texts.addAll(h.createQuery("SELECT note FROM schedule_version WHERE note IS NOT NULL")
                    .mapTo(String.class).list());
            texts.addAll(h.createQuery("SELECT display_name FROM app_user").mapTo(String.class).list());
            texts.addAll(h.createQuery("SELECT organisation FROM app_user").mapTo(String.class).list());
            // What a player reported (e.g. "MEDIA_CORRUPTED"), quoted as evidence under "Rincian dari pemutar",
            // and the notes staff wrote when they handled an incident.
            texts.addAll(h.createQuery("SELECT detail FROM incident WHERE detail IS NOT NULL")
                    .mapTo(String.class).list());
        });
        texts.removeIf(t -> t == null || t.isBlank() || t.startsWith("Rollback ke versi"));
        return texts.stream().sorted(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    @Test
    void theRulesCatchWhatIssue10Saw() {
        assertThat(check("m-kq6qsjycny · bk-0beea2db", "id")).hasSize(2);
        assertThat(check("Pemesanan bk-482791f7", "id")).hasSize(1);
        assertThat(check("Diunggah 5 Dec 2026", "id")).hasSize(1);
        assertThat(check("Diunggah 5 Des 2026", "id")).isEmpty();
        assertThat(check("Uploaded 5 Des 2026", "en")).hasSize(1);
        assertThat(check("Porsi minimum: HEALTH 40 %", "id")).hasSize(1);
        assertThat(check("SCHEDULE_PUBLISH", "en")).hasSize(1);
        assertThat(check("oleh dinkes: media.approve", "id")).hasSize(1);
        assertThat(check("3 per loop", "id")).hasSize(1);
        assertThat(check("1440 penayangan", "id")).hasSize(1);
        assertThat(check("1,440 penayangan", "id")).hasSize(1);
        assertThat(check("1.440 penayangan dari 2026, layar 960 × 480", "id")).isEmpty();
        assertThat(check("1.440 plays", "en")).hasSize(1);
        assertThat(check("1,440 plays in 2026, screen 960 × 480, 1920 × 1080 at (-6.0172, 106.056)", "en")).isEmpty();
        assertThat(check("SHA-256 ed896d62bb789a882db27117828f24a5942b516ee8e47fbaea18053129208305", "id")).isEmpty();
        assertThat(shape("/bookings/bk-0beea2db/edit")).isEqualTo(shape("/bookings/bk-12345678/edit"));
        assertThat(shape("/review/day?screen=a&date=2026-12-05&hour=9"))
                .isEqualTo(shape("/review/day?date=2026-12-06&screen=b&hour=10"));
    }
}
