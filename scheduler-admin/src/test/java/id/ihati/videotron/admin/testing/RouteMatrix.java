package id.ihati.videotron.admin.testing;

import id.ihati.videotron.admin.auth.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The expected route x role matrix, read from {@code src/test/resources/route-matrix/*.tsv} (one file per
 * feature; the format is described at the top of each file and in docs/admin.md).
 */
public final class RouteMatrix {

    /** Who calls: nobody signed in, a person of each role, or a paired player. */
    public enum Caller {
        ANONYMOUS, ADMIN, HEALTH_EDITOR, CITY_EDITOR, CONTRIBUTOR, REVIEWER, DEVICE;

        public Role role() {
            return this == ANONYMOUS ? null : Role.valueOf(name());
        }
    }

    /** One expectation line: the callers allowed on {@code METHOD path}, and where it was written. */
    public record Line(String method, String path, Set<Caller> allowed, String source) {
        public String key() {
            return method + " " + path;
        }
    }

    private RouteMatrix() {
    }

    /** Every expectation line of every feature's file, keyed by "METHOD path"; duplicates are an error. */
    public static Map<String, Line> load() {
        URL dir = RouteMatrix.class.getResource("/route-matrix");
        if (dir == null) {
            throw new IllegalStateException("no src/test/resources/route-matrix directory on the class path");
        }
        var lines = new LinkedHashMap<String, Line>();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                int n = 0;
                for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    n++;
                    String text = raw.strip();
                    if (text.isEmpty() || text.startsWith("#")) {
                        continue;
                    }
                    String where = file.getFileName() + ":" + n;
                    Line line = parse(text, where);
                    Line before = lines.putIfAbsent(line.key(), line);
                    if (before != null) {
                        throw new IllegalStateException(where + ": " + line.key() + " is already declared at "
                                + before.source());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    static Line parse(String text, String where) {
        String[] parts = text.split("\\s+");
        if (parts.length != 3) {
            throw new IllegalStateException(where + ": expected 'METHOD path roles', got: " + text);
        }
        var allowed = EnumSet.noneOf(Caller.class);
        for (String token : parts[2].split(",")) {
            switch (token.strip().toUpperCase(Locale.ROOT)) {
                case "PUBLIC" -> allowed.addAll(EnumSet.allOf(Caller.class));
                case "SIGNED_IN" -> allowed.addAll(EnumSet.of(Caller.ADMIN, Caller.HEALTH_EDITOR,
                        Caller.CITY_EDITOR, Caller.CONTRIBUTOR, Caller.REVIEWER));
                case "ADMIN", "HEALTH_EDITOR", "CITY_EDITOR", "CONTRIBUTOR", "REVIEWER", "DEVICE" ->
                        allowed.add(Caller.valueOf(token.strip().toUpperCase(Locale.ROOT)));
                default -> throw new IllegalStateException(where + ": unknown role '" + token + "'");
            }
        }
        return new Line(parts[0].toUpperCase(Locale.ROOT), parts[1], allowed, where);
    }

    /** The callers a set of declared roles lets in, as the access check does. */
    public static Set<Caller> allowedBy(Set<? extends io.javalin.security.RouteRole> declared) {
        var allowed = EnumSet.noneOf(Caller.class);
        for (var r : declared) {
            if (r == Role.PUBLIC) {
                return EnumSet.allOf(Caller.class);
            }
            if (r == Role.RETIRED_DEVICE) {
                continue;   // a revoked device on a DEVICE route, tested with the route (PlayerApiTest)
            }
            if (r instanceof Role role) {
                allowed.add(Caller.valueOf(role.name()));
            }
        }
        return allowed;
    }

    /** The line to add for a route that has none, to paste into a feature's file. */
    public static String suggestion(String method, String path, Set<? extends io.javalin.security.RouteRole> roles) {
        List<String> names = new ArrayList<>();
        roles.forEach(r -> names.add(r.toString()));
        names.sort(null);
        return method + "\t" + path + "\t" + String.join(",", names);
    }

    /** A concrete path for a pattern: each {param} or <param> becomes "0" (an id that does not exist). */
    public static String concrete(String path) {
        return path.replaceAll("\\{[^}/]+}", "0").replaceAll("<[^>]+>", "0");
    }
}
