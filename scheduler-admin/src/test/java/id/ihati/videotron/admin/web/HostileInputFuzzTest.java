package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Access;
import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.RouteMatrix;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile bodies against every JSON endpoint and every form the application registers (found from its routes,
 * as {@link RouteMatrixTest} does, so a new route is fuzzed without being listed here), sent through real HTTP by
 * a caller with a role the route allows and the right CSRF token, so they reach the handlers: cut-off bodies,
 * wrong types, huge numbers, deep nesting, invalid UTF-8, control and bidi characters, unknown fields, and for
 * upload forms cut-off or mis-bounded multipart bodies and odd file names.
 * Expected: no answer is a 5xx; no answer shows a Java class or parser detail; every 400/422 refusal names its
 * field (a JSON {@code field}, or a {@code data-field} message on the re-shown form); unknown fields are accepted
 * on the player and pairing API and refused, by name, on staff JSON. A corpus with a fixed seed: the same inputs
 * every run, so a failure can be repeated.
 */
class HostileInputFuzzTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ANON_CSRF = "fuzz-anonymous-csrf-token-0123456789";
    static final long SEED = 20261204L;
    /** At most this many inputs per route, drawn from its full corpus with the fixed seed. */
    static final int PER_ROUTE = 60;
    static final List<String> INTERNALS = List.of("java.", "javax.", "jakarta.", "com.fasterxml", "org.eclipse",
            "io.javalin", "id.ihati", "Exception", "Cannot deserialize", "Unrecognized field", "StreamReadConstraints",
            "[Source:", "at [", "Jackson");

    static TestAdmin admin;
    static String deviceToken;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, String> ids = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        admin = TestAdmin.h2();
        deviceToken = admin.deviceToken();
        var s = admin.services();
        // Real things for the routes' path parameters, so handlers get past "not found" to the body.
        TestScreens.create(admin, TestScreens.profile("fuzz-layar"));
        ids.put("screen", "fuzz-layar");
        long userId = s.jdbi.inTransaction(h -> s.users.create(h, "fuzz_target", "Target Fuzz", "Organisasi Uji",
                Role.CONTRIBUTOR, Passwords.hash(TestAdmin.PASSWORD), false, s.clock.instant()));
        ids.put("user", String.valueOf(userId));
        var web = admin.session(Role.HEALTH_EDITOR);
        var slide = web.json("POST", "/api/v1/media/slides", "{\"slideTitle\":\"Uji fuzz\",\"title\":\"Uji fuzz\","
                + "\"background\":\"#1b5e20\",\"foreground\":\"#ffffff\",\"category\":\"HEALTH\"}");
        assertThat(slide.statusCode()).as(slide.body()).isEqualTo(201);
        try {
            ids.put("media", JSON.readTree(slide.body()).get("id").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    /** One hostile input: which route, what kind of mutation, the field it aims at (or null), the bytes. */
    record Input(RouteInfo route, String path, String kind, String field, String contentType, byte[] body) {
    }

    /** What came back, for the checks and the figures. */
    record Outcome(Input input, int status, String body) {
    }

    @Test
    void noHostileBodyGetsA5xxOrAnUnnamedRefusalOnAnyJsonEndpointOrForm() throws Exception {
        List<RouteInfo> routes = admin.server().routes().stream()
                .filter(r -> r.method().equals("POST") || r.method().equals("PUT") || r.method().equals("PATCH"))
                .toList();
        Map<String, Map<String, String>> forms = formsOnPages();
        var inputs = new ArrayList<Input>();
        var random = new Random(SEED);
        for (RouteInfo r : routes) {
            String path = concrete(r.path());
            List<Input> all = json(r) ? jsonInputs(r, path) : formInputs(r, path, forms.getOrDefault(path, Map.of()));
            String pagePath = path.startsWith("/api/v1/") ? path.substring("/api/v1".length()) : path;
            if (MULTIPART.contains(pagePath)) {   // an upload form, or its API twin
                all.addAll(multipartInputs(r, path, forms.getOrDefault(pagePath, Map.of())));
            }
            Collections.shuffle(all, random);
            inputs.addAll(all.subList(0, Math.min(PER_ROUTE, all.size())));
        }
        // Search and filter forms (method="get"): the same mutations as a query string.
        List<RouteInfo> searched = admin.server().routes().stream()
                .filter(r -> r.method().equals("GET") && GET_FORMS.containsKey(r.path())).toList();
        for (RouteInfo r : searched) {
            var all = new ArrayList<Input>();
            for (Input in : formInputs(r, r.path(), GET_FORMS.get(r.path()))) {
                String query = new String(in.body(), StandardCharsets.ISO_8859_1);
                try {
                    URI.create(admin.baseUrl() + r.path() + "?" + query);
                } catch (IllegalArgumentException notAUri) {
                    continue;   // a client cannot send it as a URL either
                }
                all.add(new Input(r, r.path() + "?" + query, in.kind(), in.field(), in.contentType(), new byte[0]));
            }
            Collections.shuffle(all, random);
            inputs.addAll(all.subList(0, Math.min(PER_ROUTE, all.size())));
        }
        routes = java.util.stream.Stream.concat(routes.stream(), searched.stream()).toList();
        // Routes that end a session or change the fixtures last, so they do not cut the others short.
        inputs.sort((a, b) -> Boolean.compare(destructive(a.path()), destructive(b.path())));

        var outcomes = Collections.synchronizedList(new ArrayList<Outcome>());
        var calls = new ArrayList<Callable<Void>>();
        for (Input in : inputs) {
            calls.add(() -> {
                outcomes.add(send(in));
                return null;
            });
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (var f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        var wrong = new TreeMap<String, String>();
        var byStatus = new TreeMap<Integer, AtomicInteger>();
        for (Outcome o : outcomes) {
            byStatus.computeIfAbsent(o.status(), k -> new AtomicInteger()).incrementAndGet();
            String problem = check(o);
            if (problem != null) {
                wrong.putIfAbsent(o.input().route().method() + " " + o.input().route().path() + " [" + o.input().kind()
                        + (o.input().field() == null ? "" : " " + o.input().field()) + "] -> " + o.status(), problem);
            }
        }
        long refusals = outcomes.stream().filter(o -> o.status() >= 400 && o.status() < 500).count();
        long fivexx = outcomes.stream().filter(o -> o.status() >= 500).count();
        long jsonRoutes = routes.stream().filter(HostileInputFuzzTest::json).count();
        System.out.printf("Fuzz: %d inputs over %d routes (%d JSON endpoints, %d forms, %d of them search forms): "
                        + "%d refusals (4xx), %d 5xx, by status %s%n", outcomes.size(), routes.size(), jsonRoutes,
                routes.size() - jsonRoutes, searched.size(), refusals, fivexx, byStatus);
        System.out.println("Fuzz: routes answering 404: " + outcomes.stream()
                .filter(o -> o.status() == 404).map(o -> o.input().route().path()).distinct().sorted().toList());
        assertThat(routes).as("the routes are found from the application").hasSizeGreaterThan(30);
        assertThat(outcomes).hasSize(inputs.size());
        assertThat(wrong).as("inputs answered wrongly (first per route and kind)").isEmpty();
    }

    // --- what is checked ---

    /** Null when the answer is right, else why not. */
    static String check(Outcome o) {
        Input in = o.input();
        if (o.status() >= 500) {
            return "5xx: " + abbreviate(o.body());
        }
        for (String internal : INTERNALS) {
            if (o.body().contains(internal)) {
                return "shows an internal detail '" + internal + "': " + abbreviate(o.body());
            }
        }
        boolean named = o.status() == 400 || o.status() == 422;
        if (json(in.route())) {
            List<String[]> problems = problems(o.body());
            if (o.status() >= 400 && problems.isEmpty() && !o.body().isEmpty()) {
                return "a refusal without problems: " + abbreviate(o.body());
            }
            for (String[] p : problems) {
                if (p[1].isBlank() || p[2].isBlank()) {
                    return "a problem without a message in both languages: " + abbreviate(o.body());
                }
                if (named && p[0] == null) {
                    return "a refusal that names no field: " + abbreviate(o.body());
                }
            }
            if (in.kind().equals("unknown field")) {
                boolean refusedForIt = problems.stream().anyMatch(p -> in.field().equals(p[0]));
                if (playerApi(in.path()) && refusedForIt) {
                    return "the player API refused an unknown field: " + abbreviate(o.body());
                }
                if (!playerApi(in.path()) && !refusedForIt && o.status() < 400) {
                    return "staff JSON accepted an unknown field: " + abbreviate(o.body());
                }
            }
        } else if (named && o.body().contains("<html")) {
            var page = Jsoup.parse(o.body());
            boolean fieldMessage = page.select("[data-field]").stream().anyMatch(e -> !e.attr("data-field").isBlank());
            if (!fieldMessage) {
                return "a refused form that shows no message at a field: "
                        + abbreviate(page.select("main, body").text());
            }
        }
        return null;
    }

    /** The problems of a JSON error body: {field or null, message, messageEn}. */
    static List<String[]> problems(String body) {
        var out = new ArrayList<String[]>();
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            for (JsonNode p : errors) {
                out.add(new String[] {p.path("field").isTextual() ? p.get("field").asText() : null,
                        p.path("message").asText(""), p.path("messageEn").asText("")});
            }
        } catch (Exception notJson) {
            // an answer that is not an error body has no problems
        }
        return out;
    }

    // --- the corpus ---

    static boolean json(RouteInfo r) {
        return r.path().startsWith("/api/");
    }

    static boolean playerApi(String path) {
        return path.startsWith("/api/v1/player/") || path.startsWith("/api/v1/pairing");
    }

    static boolean destructive(String path) {
        return path.endsWith("/delete") || path.endsWith("/revoke") || path.endsWith("/disable")
                || path.equals("/logout") || path.endsWith("/reset-password") || path.endsWith("/pair");
    }

    /** A known-good body for the JSON endpoints we know; any other (new) endpoint starts from {}. */
    static Map<String, Object> seed(String path) {
        var m = new LinkedHashMap<String, Object>();
        switch (path) {
            case "/api/v1/pairing" -> {
                m.put("hostname", "pc-fuzz");
                m.put("playerVersion", "1.0.0");
            }
            case "/api/v1/player/heartbeat" -> {
                m.put("status", "PLAYING");
                m.put("playerVersion", "1.0.0");
                m.put("freeDiskBytes", 1000);
                m.put("heldPlays", 0);
                m.put("sentAt", "2026-12-04T10:00:00Z");
                m.put("cache", new LinkedHashMap<>(Map.of("files", 1, "bytes", 10)));
                m.put("playing", new LinkedHashMap<>(Map.of("mediaId", "m", "since", "2026-12-04T10:00:00Z")));
            }
            case "/api/v1/player/plays" -> {
                var record = new LinkedHashMap<String, Object>();
                record.put("playId", "p-1");
                record.put("screenId", "uji-layar");
                record.put("seq", 1);
                record.put("mediaId", "m");
                record.put("category", "CITY");
                record.put("actualStart", "2026-12-04T10:00:00Z");
                record.put("actualEnd", "2026-12-04T10:00:10Z");
                record.put("completed", true);
                record.put("prevHash", "0".repeat(64));
                record.put("hash", "0".repeat(64));
                m.put("records", new ArrayList<>(List.of(record)));
            }
            case "/api/v1/media/slides" -> {
                m.put("slideTitle", "Halo");
                m.put("title", "Halo");
                m.put("background", "#1b5e20");
                m.put("foreground", "#ffffff");
                m.put("category", "HEALTH");
                m.put("tags", List.of("a", "b"));
            }
            default -> {
                if (path.endsWith("/reject")) {
                    m.put("reason", "Tidak cocok");
                }
            }
        }
        return m;
    }

    static final List<Object> WRONG_VALUES = List.of("teks", 42, -1, 1.5, true, List.of(1), Map.of("a", 1),
            "99999999999999999999999", "", "\u202Egnp.exe", "\u0000");
    static final List<String> RAW_VALUES = List.of("99999999999999999999999", "-99999999999999999999999", "1e400",
            "-0", "NaN", "Infinity", "0x10", "01", "\"\\ud800\"", "\"\\u0000\"", "[".repeat(400) + "]".repeat(400));

    static List<Input> jsonInputs(RouteInfo r, String path) {
        var out = new ArrayList<Input>();
        Map<String, Object> seed = seed(path);
        String good = write(seed);
        out.add(jsonInput(r, path, "seed", null, good.getBytes(StandardCharsets.UTF_8)));
        for (String field : seed.keySet()) {
            for (Object v : WRONG_VALUES) {
                var m = new LinkedHashMap<>(seed);
                m.put(field, v);
                out.add(jsonInput(r, path, "wrong type", field, write(m).getBytes(StandardCharsets.UTF_8)));
            }
            for (String raw : RAW_VALUES) {
                out.add(jsonInput(r, path, "raw value", field, replaceValue(seed, field, raw)));
            }
            var without = new LinkedHashMap<>(seed);
            without.remove(field);
            out.add(jsonInput(r, path, "missing", field, write(without).getBytes(StandardCharsets.UTF_8)));
        }
        // Inside nested objects and lists: wrong types one level down.
        seed.forEach((field, v) -> {
            if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> inner) {
                for (Object key : inner.keySet()) {
                    for (Object wrongValue : WRONG_VALUES) {
                        var copy = deepCopy(seed);
                        @SuppressWarnings("unchecked")
                        var first = (Map<String, Object>) ((List<Object>) copy.get(field)).get(0);
                        first.put((String) key, wrongValue);
                        out.add(jsonInput(r, path, "wrong type", field + "[0]." + key,
                                write(copy).getBytes(StandardCharsets.UTF_8)));
                    }
                }
            } else if (v instanceof Map<?, ?> inner) {
                for (Object key : inner.keySet()) {
                    for (Object wrongValue : WRONG_VALUES) {
                        var copy = deepCopy(seed);
                        @SuppressWarnings("unchecked")
                        var nested = (Map<String, Object>) copy.get(field);
                        nested.put((String) key, wrongValue);
                        out.add(jsonInput(r, path, "wrong type", field + "." + key,
                                write(copy).getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
        });
        byte[] bytes = good.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut < bytes.length; cut += Math.max(1, bytes.length / 12)) {
            out.add(jsonInput(r, path, "truncated", null, java.util.Arrays.copyOf(bytes, cut)));
        }
        for (String whole : List.of("[]", "\"x\"", "null", "1", "{}", "{", "}", "{\"a\":}", "{'a':1}", good + good,
                good + "x", "{\"a\":1,\"a\":2}", "[".repeat(100_000), "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"a\":" + "{\"b\":".repeat(2000) + "1" + "}".repeat(2000) + "}")) {
            out.add(jsonInput(r, path, "whole body", null, whole.getBytes(StandardCharsets.UTF_8)));
        }
        // Invalid UTF-8 inside a string value and as the first byte.
        out.add(jsonInput(r, path, "invalid UTF-8", null, concat(bytes, 1, new byte[] {(byte) 0xC3, (byte) 0x28})));
        out.add(jsonInput(r, path, "invalid UTF-8", null, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}));
        int quote = good.indexOf(":\"");
        if (quote > 0) {
            out.add(jsonInput(r, path, "invalid UTF-8", null, concat(bytes, quote + 2,
                    new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF})));
        }
        var unknown = new LinkedHashMap<>(seed);
        unknown.put("fieldFromTheFuture", Map.of("x", List.of(1, 2)));
        out.add(jsonInput(r, path, "unknown field", "fieldFromTheFuture", write(unknown).getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    static List<Input> formInputs(RouteInfo r, String path, Map<String, String> form) {
        var out = new ArrayList<Input>();
        var seed = new LinkedHashMap<>(form);
        seed.remove(Access.CSRF_FIELD);   // sent as a header, so every mutation passes the CSRF check
        out.add(formInput(r, path, "seed", null, encode(seed)));
        for (String field : seed.keySet()) {
            for (String v : List.of("", " ", "abc", "-1", "0", "99999999999999999999999", "1e400", "2026-02-30",
                    "25:99", "x".repeat(20_000), "\u202Egnp.exe", "a\u0000b", "<script>x</script>", "=1+1")) {
                var m = new LinkedHashMap<>(seed);
                m.put(field, v);
                out.add(formInput(r, path, "bad value", field, encode(m)));
            }
            var m = new LinkedHashMap<>(seed);
            m.remove(field);
            out.add(formInput(r, path, "missing", field, encode(m)));
            String raw = encode(seed).replace(enc(field) + "=", enc(field) + "=%FF%FE%C3%28");
            out.add(formInput(r, path, "invalid UTF-8", field, raw.contains("%FF%FE") ? raw
                    : encode(seed) + "&" + enc(field) + "=%FF%FE"));
            out.add(formInput(r, path, "repeated", field, encode(seed) + "&" + enc(field) + "=again"));
        }
        String good = encode(seed);
        out.add(formInput(r, path, "truncated", null, good.substring(0, good.length() / 2)));
        out.add(formInput(r, path, "broken escape", null, good + "&%zz=%"));
        out.add(formInput(r, path, "deep name", null, good + "&" + "a[b]".repeat(2000) + "=1"));
        out.add(formInput(r, path, "unknown field", "fieldFromTheFuture", good + "&fieldFromTheFuture=1"));
        out.add(formInput(r, path, "raw bytes", null, null));
        out.add(formInput(r, path, "empty", null, ""));
        return out;
    }

    /** Search and filter forms (method="get") by their action, with their fields. */
    static final Map<String, Map<String, String>> GET_FORMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Actions of the forms that upload files (multipart), as found on the pages. */
    static final Set<String> MULTIPART = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final String BOUNDARY = "fuzzBoundary7MA4YWxkTrZu0gW";

    /** Hostile uploads: cut off, wrong boundary, odd file names, no file, a file that is not media. */
    static List<Input> multipartInputs(RouteInfo r, String path, Map<String, String> form) {
        var out = new ArrayList<Input>();
        var fields = new LinkedHashMap<>(form);
        fields.remove(Access.CSRF_FIELD);
        fields.remove("file");
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        for (String name : List.of("slide.png", "a\u0000b.png", "evil\u202Egnp.exe.png", "x".repeat(5000) + ".png",
                "../../etc/passwd.png", "", "\"quoted\".png")) {
            out.add(multipart(r, path, "file name", name, fields, name, png));
        }
        out.add(multipart(r, path, "not media", "file", fields, "notes.txt", "just text".getBytes(StandardCharsets.UTF_8)));
        out.add(multipart(r, path, "empty file", "file", fields, "empty.png", new byte[0]));
        byte[] good = multipartBody(fields, "slide.png", png);
        out.add(new Input(r, path, "truncated upload", null, "multipart/form-data; boundary=" + BOUNDARY,
                java.util.Arrays.copyOf(good, good.length / 2)));
        out.add(new Input(r, path, "wrong boundary", null, "multipart/form-data; boundary=other", good));
        out.add(new Input(r, path, "no boundary", null, "multipart/form-data", good));
        out.add(new Input(r, path, "no file part", "file", "multipart/form-data; boundary=" + BOUNDARY,
                multipartBody(fields, null, null)));
        for (String field : fields.keySet()) {
            var m = new LinkedHashMap<>(fields);
            m.put(field, "99999999999999999999999\u202E\u0000");
            out.add(multipart(r, path, "bad value", field, m, "slide.png", png));
        }
        return out;
    }

    static Input multipart(RouteInfo r, String path, String kind, String field, Map<String, String> fields,
                           String fileName, byte[] file) {
        return new Input(r, path, kind, field, "multipart/form-data; boundary=" + BOUNDARY,
                multipartBody(fields, fileName, file));
    }

    static byte[] multipartBody(Map<String, String> fields, String fileName, byte[] file) {
        var out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (fileName != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    // --- requests ---

    static Outcome send(Input in) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(admin.baseUrl() + in.path())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", in.contentType())
                .method(in.route().method(), HttpRequest.BodyPublishers.ofByteArray(in.body()));
        Set<Role> roles = roles(in.route());
        Role role = pick(roles);
        if (role == Role.DEVICE) {
            b.header("Authorization", "Bearer " + deviceToken);
        } else if (role == null) {
            b.header("Cookie", Access.CSRF_COOKIE + "=" + ANON_CSRF).header(Access.CSRF_HEADER, ANON_CSRF);
        } else {
            var s = admin.services();
            long id = s.users.findByUsername(admin.username(role)).orElseThrow().id();
            String token = s.sessions.start(id);   // a fresh session: a fuzzed /logout or /password ends only its own
            b.header("Cookie", Access.SESSION_COOKIE + "=" + token)
                    .header(Access.CSRF_HEADER, s.sessions.find(token).orElseThrow().csrfToken());
        }
        if (json(in.route())) {
            b.header("Accept", "application/json");
        }
        HttpResponse<String> res;
        try {
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // A kept-alive connection the server closed after refusing an earlier hostile body unread: no answer
            // came, so ask again on a fresh one, as a browser does (JDK 17 retries this by itself only for GET).
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw e;
            }
            res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
        return new Outcome(in, res.statusCode(), res.body() == null ? "" : res.body());
    }

    static Set<Role> roles(RouteInfo r) {
        var out = new java.util.HashSet<Role>();
        r.roles().forEach(x -> {
            if (x instanceof Role role) {
                out.add(role);
            }
        });
        return out;
    }

    /** The caller: a role the route allows (staff first, ADMIN last so editors' own forms are reached). */
    static Role pick(Set<Role> roles) {
        for (Role r : List.of(Role.HEALTH_EDITOR, Role.CITY_EDITOR, Role.ADMIN, Role.CONTRIBUTOR, Role.REVIEWER,
                Role.DEVICE)) {
            if (roles.contains(r)) {
                return r;
            }
        }
        return null;   // PUBLIC
    }

    /** The forms of every page, by their action: field names and the values the page fills in. */
    static Map<String, Map<String, String>> formsOnPages() throws Exception {
        var forms = new LinkedHashMap<String, Map<String, String>>();
        for (Role role : List.of(Role.ADMIN, Role.HEALTH_EDITOR)) {
            var web = admin.session(role);
            for (RouteInfo r : admin.server().routes()) {
                if (!r.method().equals("GET") || r.path().startsWith("/api/") || !roles(r).contains(role)
                        || r.path().endsWith(".png") || r.path().endsWith(".pdf") || r.path().endsWith(".csv")
                        || r.path().endsWith(".ics")) {
                    continue;
                }
                var page = web.get(concrete(r.path()));
                if (page.statusCode() != 200 || !page.body().contains("<form")) {
                    continue;
                }
                for (var form : Jsoup.parse(page.body()).select("form[method=get][action]")) {
                    var fields = new LinkedHashMap<String, String>();
                    form.select("input[name], select[name]").forEach(e -> fields.put(e.attr("name"), e.attr("value")));
                    GET_FORMS.merge(form.attr("action"), fields, (a, b) -> a.size() >= b.size() ? a : b);
                }
                for (var form : Jsoup.parse(page.body()).select("form[method=post]")) {
                    if (form.attr("enctype").equalsIgnoreCase("multipart/form-data")) {
                        MULTIPART.add(form.attr("action"));
                    }
                    var fields = new LinkedHashMap<String, String>();
                    for (var e : form.select("input[name], select[name], textarea[name]")) {
                        String type = e.attr("type");
                        if ((type.equals("checkbox") || type.equals("radio")) && !e.hasAttr("checked")) {
                            fields.putIfAbsent(e.attr("name"), "");
                            continue;
                        }
                        String value = e.tagName().equals("select")
                                ? e.select("option[selected]").isEmpty() ? e.select("option").attr("value")
                                : e.select("option[selected]").attr("value")
                                : e.tagName().equals("textarea") ? e.text() : e.attr("value");
                        fields.put(e.attr("name"), value);
                    }
                    forms.merge(form.attr("action"), fields, (a, b) -> a.size() >= b.size() ? a : b);
                }
            }
        }
        return forms;
    }

    /** A concrete path with real things for its parameters. */
    static String concrete(String path) {
        String p = path;
        if (p.startsWith("/users/")) {
            p = p.replace("{id}", ids.get("user"));
        } else if (p.startsWith("/screens/") || p.startsWith("/review/screens/") || p.startsWith("/review/feed/")) {
            p = p.replace("{id}", ids.get("screen")).replace("{screenId}", ids.get("screen"));
        } else if (p.startsWith("/media/") || p.startsWith("/api/v1/media/items/")) {
            p = p.replace("{id}", ids.get("media"));
        }
        return RouteMatrix.concrete(p);
    }

    // --- small helpers ---

    static Input jsonInput(RouteInfo r, String path, String kind, String field, byte[] body) {
        return new Input(r, path, kind, field, "application/json", body);
    }

    static Input formInput(RouteInfo r, String path, String kind, String field, String body) {
        byte[] bytes = body == null ? new byte[] {'a', '=', (byte) 0xFF, (byte) 0xC3, '&', (byte) 0x80, '='}
                : body.getBytes(StandardCharsets.ISO_8859_1);
        return new Input(r, path, kind, field, "application/x-www-form-urlencoded", bytes);
    }

    static String encode(Map<String, String> fields) {
        var parts = new ArrayList<String>();
        fields.forEach((k, v) -> parts.add(enc(k) + "=" + enc(v)));
        return String.join("&", parts);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> m) {
        try {
            return JSON.readValue(write(m), LinkedHashMap.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed with one field's value replaced by raw JSON text (numbers JSON libraries cannot write). */
    static byte[] replaceValue(Map<String, Object> seed, String field, String raw) {
        var m = new LinkedHashMap<>(seed);
        m.put(field, "@@RAW@@");
        return write(m).replace("\"@@RAW@@\"", raw).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] body, int at, byte[] insert) {
        var out = new ByteArrayOutputStream();
        int cut = Math.min(at, body.length);
        out.write(body, 0, cut);
        out.writeBytes(insert);
        out.write(body, cut, body.length - cut);
        return out.toByteArray();
    }

    static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
