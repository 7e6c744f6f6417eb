package id.ihati.videotron.admin.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.schedule.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Staff and a player writing to a server built with {@code --demo} at the same time, each remembering what the
 * server acknowledged: slides created through the JSON API (201), reviewer comments (302), bookings saved as drafts
 * (302 to the booking), schedule versions published (302 to the version) and proof-of-play batches from a paired
 * player (200 naming every record). {@link #check} then asks a (restarted) server for each acknowledged write.
 * The server may be killed while writing: a request that fails was not acknowledged and is not counted.
 */
public final class Workload {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Pattern GAP = Pattern.compile("expected seq (\\d+), found (\\d+)");
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    /** What the server acknowledged, by kind; kept across rounds and restarts. */
    private final Map<String, Set<String>> acked = new ConcurrentHashMap<>();
    private String base;
    private WebClient slides;
    private WebClient bookings;
    private WebClient reviewer;
    private String deviceToken;
    private String screenId;
    private String commentedBooking;
    private String healthMedia;
    private String head = PlayRecord.GENESIS;
    private long nextSeq = 1;
    private List<PlayRecord> unacknowledgedBatch;

    private Workload() {
        for (String kind : List.of("slides", "comments", "bookings", "publishes", "plays")) {
            acked.put(kind, ConcurrentHashMap.newKeySet());
        }
    }

    /** Signs in as the demo accounts, pairs a player with a demo screen and finds what the writes refer to. */
    public static Workload on(String base) {
        var w = new Workload();
        w.base = base;
        w.slides = login(base, "dinkes", "dinkes-demo-2026");
        w.bookings = login(base, "dinkes", "dinkes-demo-2026");
        w.reviewer = login(base, "dprd", "dprd-demo-2026");
        var admin = login(base, "admin", "admin-demo-2026");
        var form = Jsoup.parse(w.bookings.get("/bookings/new").body());
        w.healthMedia = form.select("select[name=addItem] option[value~=.+]").first().attr("value");
        w.screenId = form.select("input[name=screens]").first().attr("value");
        w.commentedBooking = Jsoup.parse(w.reviewer.get("/review/bookings").body())
                .select("a[href^=/review/bookings/]").first().attr("href").substring("/review/bookings/".length());
        w.deviceToken = pair(base, admin, w.screenId);
        return w;
    }

    private static WebClient login(String base, String user, String password) {
        var c = new WebClient(base);
        c.login(user, password);
        return c;
    }

    private static String pair(String base, WebClient admin, String screenId) {
        JsonNode started = json(new WebClient(base).send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pairing"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hostname\":\"crash-pc\",\"playerVersion\":\"0.1.0\"}"))
                .build()).body());
        String code = started.get("code").asText();
        admin.get("/screens/" + screenId);
        var claim = admin.postForm("/screens/" + screenId + "/pair", Map.of("code", code));
        if (claim.statusCode() != 302) {
            throw new IllegalStateException("claiming " + code + " answered " + claim.statusCode());
        }
        return json(new WebClient(base).send(HttpRequest.newBuilder(URI.create(base + "/api/v1/pairing/" + code))
                .header("X-Pairing-Secret", started.get("secret").asText()).GET().build()).body())
                .get("deviceToken").asText();
    }

    /** The same people and player towards the server restarted at {@code newBase} (sessions live in the database). */
    public void moveTo(String newBase) {
        Function<WebClient, WebClient> moved = c -> new WebClient(newBase)
                .withSession(c.cookie(Access.SESSION_COOKIE), c.csrf());
        slides = moved.apply(slides);
        bookings = moved.apply(bookings);
        reviewer = moved.apply(reviewer);
        base = newBase;
    }

    /** The paired player's device token. */
    public String deviceToken() {
        return deviceToken;
    }

    /** The demo screen the player is paired with and the bookings are made for. */
    public String screenId() {
        return screenId;
    }

    /** How many writes of each kind the server acknowledged so far. */
    public Map<String, Integer> acknowledged() {
        var counts = new LinkedHashMap<String, Integer>();
        acked.forEach((kind, keys) -> counts.put(kind, keys.size()));
        return counts;
    }

    /** Writes from four threads until {@code stop} is set or the server stops answering. */
    public List<Thread> start(AtomicBoolean stop) {
        List<Thread> threads = new ArrayList<>();
        threads.add(loop("slides", stop, this::slide));
        threads.add(loop("comments", stop, this::comment));
        threads.add(loop("bookings", stop, this::bookingAndPublish));
        threads.add(loop("plays", stop, this::plays));
        return threads;
    }

    private interface Write {
        void run(int i) throws Exception;
    }

    private Thread loop(String name, AtomicBoolean stop, Write write) {
        var t = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    write.run(i);
                } catch (IOException | UncheckedIOException e) {
                    return; // the server is gone: this request was not acknowledged
                } catch (Exception e) {
                    throw new IllegalStateException(name + " write failed", e);
                }
            }
        }, "crash-" + name);
        t.start();
        return t;
    }

    private void slide(int i) {
        String title = "Slide " + UUID.randomUUID();
        var r = slides.json("POST", "/api/v1/media/slides", """
                {"slideTitle": "%s", "text": "Cuci tangan pakai sabun", "background": "#0d47a1",
                 "foreground": "#ffffff", "category": "HEALTH", "displaySeconds": "10"}""".formatted(title));
        if (r.statusCode() == 201) {
            acked.get("slides").add(json(r.body()).get("id").asText());
        }
    }

    private void comment(int i) {
        String marker = "komentar-" + UUID.randomUUID();
        var r = reviewer.postForm("/review/comments", Map.of("subjectType", "BOOKING",
                "subjectId", commentedBooking, "body", "Catatan uji " + marker));
        if (r.statusCode() == 302) {
            acked.get("comments").add(marker);
        }
    }

    private void bookingAndPublish(int i) {
        LocalDate day = LocalDate.now(WIB).plusDays(30 + i % 30);
        var fields = new LinkedHashMap<String, String>();
        fields.put("op", "save");
        fields.put("category", "HEALTH");
        fields.put("title", "Uji tahan mati " + i);
        fields.put("owner", "Dinkes");
        fields.put("items", healthMedia);
        fields.put("screens", screenId);
        fields.put("dateFrom", day.toString());
        fields.put("dateTo", day.toString());
        fields.put("freqType", "PER_LOOP");
        fields.put("perLoop", "1");
        fields.put("priority", "5");
        fields.put("confirmOverbooked", "1");
        var r = bookings.postForm("/bookings/form", fields);
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() == 302 && location.startsWith("/bookings/")) {
            acked.get("bookings").add(location.substring("/bookings/".length()));
        }
        if (i % 2 == 1) {
            String page = bookings.get("/schedule/publish").body();
            String baseVersion = Jsoup.parse(page).select("input[name=base]").attr("value");
            var p = bookings.postForm("/schedule/publish", Map.of("base", baseVersion, "note", "uji " + i,
                    "confirmOverbooked", "1"));
            String to = p.headers().firstValue("Location").orElse("");
            if (p.statusCode() == 302 && to.startsWith("/schedule/versions/")) {
                acked.get("publishes").add(to.substring("/schedule/versions/".length()));
            }
        }
    }

    private void plays(int i) {
        sendPlays();
    }

    /** Sends the batch not yet acknowledged (a new one if none); returns the server's answer. */
    private JsonNode sendPlays() {
        if (unacknowledgedBatch == null) {
            unacknowledgedBatch = chain(5);
        }
        var r = new TestPlayer(base, deviceToken).postJson("/api/v1/player/plays", batch(unacknowledgedBatch));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("plays answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode answer = json(r.body());
        List<String> ids = new ArrayList<>();
        answer.get("acknowledged").forEach(n -> ids.add(n.asText()));
        if (!ids.equals(unacknowledgedBatch.stream().map(PlayRecord::playId).toList())) {
            throw new IllegalStateException("not all plays acknowledged: " + r.body());
        }
        acked.get("plays").addAll(ids);
        PlayRecord last = unacknowledgedBatch.get(unacknowledgedBatch.size() - 1);
        head = last.hash();
        nextSeq = last.seq() + 1;
        unacknowledgedBatch = null;
        return answer;
    }

    /** The next records of this player's hash chain, as it journals them. */
    private List<PlayRecord> chain(int count) {
        List<PlayRecord> out = new ArrayList<>();
        String prev = head;
        // Milliseconds, as the player journals them: the database keeps no finer time, and a record read back must
        // hash as it was sent for a re-sent batch to be recognised as the same.
        Instant t = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        for (int k = 0; k < count; k++) {
            PlayRecord r = PlayRecord.chained(UUID.randomUUID().toString(), screenId, nextSeq + k, "m-uji", "b-uji",
                    Category.HEALTH, t, t.plusSeconds(10), t, t.plusSeconds(10), true, null, prev);
            out.add(r);
            prev = r.hash();
            t = t.plusSeconds(10);
        }
        return out;
    }

    /** Acknowledged and found (by kind), asked of the server as people and the player would see it. */
    public record Figures(Map<String, Integer> acknowledged, Map<String, Integer> found, List<String> missing) {
        @Override
        public String toString() {
            var sb = new StringBuilder();
            acknowledged.forEach((k, n) -> sb.append(String.format("%s %d/%d  ", k, found.get(k), n)));
            return sb.toString().strip();
        }
    }

    /**
     * Looks up every acknowledged write on the server: each slide and booking by its page, each published version,
     * each comment on the booking's review page; for proof of play, the player sends what it holds unacknowledged
     * and then its next batch, and the server must find the chain intact (a lost acknowledged record is a gap).
     */
    public Figures check() {
        var found = new LinkedHashMap<String, Integer>();
        var all = new LinkedHashMap<String, Integer>();
        List<String> missing = new ArrayList<>();
        count("slides", id -> slides.get("/api/v1/media/items/" + id).statusCode() == 200, all, found, missing);
        count("bookings", id -> bookings.get("/bookings/" + id).statusCode() == 200, all, found, missing);
        count("publishes", v -> bookings.get("/schedule/versions/" + v).statusCode() == 200, all, found, missing);
        String thread = reviewer.get("/review/bookings/" + commentedBooking).body();
        count("comments", thread::contains, all, found, missing);

        // The player sends again what it never got an answer for (if anything), then its next batch. A lost
        // acknowledged record shows as a gap ("gap: expected seq 36, found 41") or a broken link in an answer.
        int lost = 0;
        List<JsonNode> answers = new ArrayList<>();
        if (unacknowledgedBatch != null) {
            answers.add(sendPlays());
        }
        answers.add(sendPlays());
        for (JsonNode answer : answers) {
            if (!answer.get("chainIntact").asBoolean() || !answer.get("problems").isEmpty()) {
                missing.add("plays: " + answer);
                Matcher gap = GAP.matcher(answer.get("problems").toString());
                lost += gap.find() ? Integer.parseInt(gap.group(2)) - Integer.parseInt(gap.group(1)) : 1;
            }
        }
        int plays = acked.get("plays").size();
        all.put("plays", plays);
        found.put("plays", plays - lost);
        return new Figures(all, found, missing);
    }

    private void count(String kind, java.util.function.Predicate<String> present, Map<String, Integer> all,
                       Map<String, Integer> found, List<String> missing) {
        int n = 0;
        for (String key : acked.get(kind)) {
            if (present.test(key)) {
                n++;
            } else {
                missing.add(kind + " " + key);
            }
        }
        all.put(kind, acked.get(kind).size());
        found.put(kind, n);
    }

    private static String batch(List<PlayRecord> records) {
        try {
            return JSON.writeValueAsString(Map.of("records", records));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
