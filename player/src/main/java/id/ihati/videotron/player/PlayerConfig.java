package id.ihati.videotron.player;

import id.ihati.videotron.playlists.schedule.OutputArea;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * How this player runs. Read from {@code player.properties} in the data directory, with command-line flags
 * winning over it.
 *
 * @param server       the admin server's base URL
 * @param dataDir      where the token, the media cache and the proof-of-play journal live
 * @param output       the desktop rectangle to draw in, or {@code null}: then the manifest's {@code screen.output}
 *                     if it has one, else the whole of {@code monitor}
 * @param monitor      the monitor to fill when no rectangle is set (0 = primary)
 * @param displayPower whether to put the display to sleep in dark hours ({@code xset dpms force off})
 * @param cacheBudgetBytes disk the media cache may use
 */
public record PlayerConfig(URI server, Path dataDir, OutputArea output, int monitor, boolean displayPower,
                           long cacheBudgetBytes) {

    public static final long DEFAULT_CACHE_BUDGET = 8_000_000_000L;

    public static final String FILE_NAME = "player.properties";
    public static final String USAGE = """
            Usage: java -jar player-all.jar --server URL [--data-dir DIR] [--output X,Y,W,H | --monitor N]
                                            [--display-power on|off] [--cache-budget SIZE]
              --server URL          the admin server, e.g. http://10.0.0.5:7070
              --data-dir DIR        token, media cache and proof-of-play journal (default ~/.local/share/ihati-player)
              --output X,Y,W,H      draw exactly in this desktop rectangle (what the LED sending card reads);
                                    also accepted as WxH+X+Y
              --monitor N           otherwise fill monitor N (0 = primary) unless the server sets a rectangle
              --display-power on|off  sleep the display in dark hours (default on)
              --cache-budget SIZE   disk for the media cache, e.g. 8G or 500M (default 8G)
            The same settings can live in DIR/player.properties as server=, output=, monitor=, display.power=,
            cache.budget=;
            flags win over the file.""";

    private static final Pattern COMMAS = Pattern.compile("\\s*(-?\\d+)\\s*,\\s*(-?\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*");
    private static final Pattern GEOMETRY = Pattern.compile("\\s*(\\d+)x(\\d+)([+-]\\d+)([+-]\\d+)\\s*");

    /** A configuration that cannot be used, with every problem found. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Reads the flags, then {@code player.properties} from the data directory they name (or the default). */
    public static PlayerConfig load(String[] args, Path defaultDataDir) throws Invalid {
        var problems = new ArrayList<String>();
        Map<String, String> flags = flags(args, problems);
        Path dataDir = Path.of(flags.getOrDefault("data-dir", defaultDataDir.toString()));
        var file = new Properties();
        Path props = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(props)) {
            try (Reader r = Files.newBufferedReader(props, StandardCharsets.UTF_8)) {
                file.load(r);
            } catch (IOException e) {
                problems.add("cannot read " + props + ": " + e.getMessage());
            }
        }
        Map<String, String> merged = new HashMap<>();
        file.stringPropertyNames().forEach(k -> merged.put(k.replace('.', '-'), file.getProperty(k).trim()));
        merged.putAll(flags);

        URI server = null;
        String s = merged.get("server");
        if (s == null || s.isBlank()) {
            problems.add("the server URL is missing (--server URL or server= in " + props + ")");
        } else {
            try {
                server = new URI(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
                if (!("http".equals(server.getScheme()) || "https".equals(server.getScheme()))
                        || server.getHost() == null) {
                    problems.add("the server URL must be http:// or https:// with a host, was " + s);
                }
            } catch (URISyntaxException e) {
                problems.add("the server URL is not a URL: " + s);
            }
        }
        OutputArea output = null;
        if (merged.containsKey("output")) {
            output = parseOutput(merged.get("output"), problems);
        }
        int monitor = 0;
        if (merged.containsKey("monitor")) {
            try {
                monitor = Integer.parseInt(merged.get("monitor").trim());
                if (monitor < 0) {
                    problems.add("the monitor number must be 0 or more, was " + monitor);
                }
            } catch (NumberFormatException e) {
                problems.add("the monitor must be a number, was " + merged.get("monitor"));
            }
        }
        boolean power = true;
        String p = merged.getOrDefault("display-power", "on").trim().toLowerCase(java.util.Locale.ROOT);
        switch (p) {
            case "on", "true", "yes" -> power = true;
            case "off", "false", "no" -> power = false;
            default -> problems.add("display power must be on or off, was " + p);
        }
        long budget = DEFAULT_CACHE_BUDGET;
        if (merged.containsKey("cache-budget")) {
            budget = parseSize(merged.get("cache-budget"), problems);
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new PlayerConfig(server, dataDir, output, Math.max(0, monitor), power, budget);
    }

    private static Map<String, String> flags(String[] args, List<String> problems) {
        var known = List.of("server", "data-dir", "output", "monitor", "display-power", "cache-budget");
        var flags = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                problems.add("unexpected argument " + a);
                continue;
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!known.contains(name)) {
                problems.add("unknown option --" + name);
                if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    i++;   // its value
                }
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    problems.add("--" + name + " needs a value");
                    continue;
                }
                value = args[++i];
            }
            flags.put(name, value);
        }
        return flags;
    }

    static long parseSize(String s, List<String> problems) {
        var m = Pattern.compile("\\s*(\\d+)\\s*([kKmMgGtT]?)[bB]?\\s*").matcher(s);
        if (!m.matches() || Long.parseLong(m.group(1)) <= 0) {
            problems.add("the cache budget must be a positive size like 8G or 500M, was " + s);
            return DEFAULT_CACHE_BUDGET;
        }
        long unit = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            default -> 1L;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    static OutputArea parseOutput(String s, List<String> problems) {
        var m = COMMAS.matcher(s);
        int x;
        int y;
        int w;
        int h;
        if (m.matches()) {
            x = Integer.parseInt(m.group(1));
            y = Integer.parseInt(m.group(2));
            w = Integer.parseInt(m.group(3));
            h = Integer.parseInt(m.group(4));
        } else if ((m = GEOMETRY.matcher(s)).matches()) {
            w = Integer.parseInt(m.group(1));
            h = Integer.parseInt(m.group(2));
            x = Integer.parseInt(m.group(3));
            y = Integer.parseInt(m.group(4));
        } else {
            problems.add("the output rectangle must be X,Y,WIDTH,HEIGHT or WIDTHxHEIGHT+X+Y, was " + s);
            return null;
        }
        if (w <= 0 || h <= 0) {
            problems.add("the output rectangle must have a positive size, was " + s);
            return null;
        }
        return new OutputArea(x, y, w, h);
    }
}
