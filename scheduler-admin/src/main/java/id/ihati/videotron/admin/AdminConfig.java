package id.ihati.videotron.admin;

import id.ihati.videotron.admin.db.DatabaseSettings;
import id.ihati.videotron.admin.web.ClientAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the server is told at start-up.
 *
 * @param port            HTTP port; 0 picks a free one (tests)
 * @param dataDir         where the embedded database, media and screenshots live
 * @param jdbcUrl         a PostgreSQL (or other) JDBC URL, or {@code null} for the embedded H2 file in dataDir
 * @param maxUploadBytes  largest accepted upload
 * @param secureCookies   mark cookies Secure (set behind HTTPS)
 * @param demo            seed sample screens, content, bookings and accounts on an empty database
 * @param trustedProxies  addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-For} gives the
 *                        client address (for login throttling and the audit log); empty: trust none
 */
public record AdminConfig(
        int port,
        Path dataDir,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        long maxUploadBytes,
        boolean secureCookies,
        boolean demo,
        List<String> trustedProxies) {

    public static final long DEFAULT_MAX_UPLOAD = 512L * 1024 * 1024;

    public AdminConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0–65535, was " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("maxUploadBytes must be positive");
        }
        trustedProxies = List.copyOf(trustedProxies);
        trustedProxies.forEach(ClientAddress::check);
    }

    /** Defaults for a server on {@code port} with its data in {@code dataDir}. */
    public static AdminConfig of(int port, Path dataDir) {
        return new AdminConfig(port, dataDir, null, null, null, DEFAULT_MAX_UPLOAD, false, false, List.of());
    }

    public AdminConfig withJdbc(String url, String user, String password) {
        return new AdminConfig(port, dataDir, url, user, password, maxUploadBytes, secureCookies, demo,
                trustedProxies);
    }

    public AdminConfig withDemo(boolean demo) {
        return new AdminConfig(port, dataDir, jdbcUrl, dbUser, dbPassword, maxUploadBytes, secureCookies, demo,
                trustedProxies);
    }

    public AdminConfig withMaxUploadBytes(long bytes) {
        return new AdminConfig(port, dataDir, jdbcUrl, dbUser, dbPassword, bytes, secureCookies, demo,
                trustedProxies);
    }

    public AdminConfig withTrustedProxies(List<String> proxies) {
        return new AdminConfig(port, dataDir, jdbcUrl, dbUser, dbPassword, maxUploadBytes, secureCookies, demo,
                proxies);
    }

    /** Where the database is, for the pool, backup and restore. */
    public DatabaseSettings database() {
        return new DatabaseSettings(dataDir, jdbcUrl, dbUser, dbPassword);
    }

    /** True when the database is PostgreSQL (the scheduler then runs clustered). */
    public boolean postgres() {
        return jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /** The settings a flag, an {@code IHATI_*} variable or a config file key may give, with their help. */
    static final Map<String, String> KEYS = orderedKeys(
            "config", "a .properties file with the keys below (flags and environment override it)",
            "port", "HTTP port, 0-65535 (default 7070)",
            "data-dir", "directory for the embedded database, media and screenshots (default ./data)",
            "jdbc-url", "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db/ihati (default: embedded H2 in data-dir)",
            "db-user", "database user",
            "db-password", "database password",
            "max-upload-mb", "largest accepted upload in MiB (default 512)",
            "secure-cookies", "mark cookies Secure: set it when served over HTTPS (true/false)",
            "demo", "seed demo accounts and sample data on an empty database (true/false)",
            "trusted-proxies", "reverse proxies (IPs or CIDR ranges, comma-separated) whose X-Forwarded-For "
                    + "names the client (default: none)");
    private static final java.util.Set<String> SWITCHES = java.util.Set.of("secure-cookies", "demo");

    private static Map<String, String> orderedKeys(String... pairs) {
        var m = new java.util.LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** One line per setting, for {@code --help} and error messages. */
    public static String usage() {
        var sb = new StringBuilder("usage: ihati-admin [--key value]...  (also IHATI_KEY env vars or --config file)\n");
        KEYS.forEach((k, help) -> sb.append(String.format("  --%-15s %s%n", k, help)));
        return sb.toString();
    }

    /**
     * Reads the settings. Precedence: {@code --flag value} arguments, then {@code IHATI_*} environment
     * variables (e.g. IHATI_DATA_DIR), then the {@code --config} file (keys like the flags, e.g.
     * {@code data-dir=/srv/ihati}), then the defaults. {@code --demo} and {@code --secure-cookies} need no value.
     *
     * @throws IllegalArgumentException naming the setting and where it came from, for an unknown flag or key,
     *                                  a missing or bad value, or an unreadable config file
     */
    public static AdminConfig fromArgs(String[] args, Map<String, String> env) {
        var flags = new java.util.HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (!KEYS.containsKey(key)) {
                throw new IllegalArgumentException("unknown flag --" + key);
            }
            if (value == null && SWITCHES.contains(key)
                    && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                value = "true";
            } else if (value == null && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else if (value == null) {
                throw new IllegalArgumentException("missing value for --" + key);
            }
            flags.put(key, value);
        }
        String configFile = flags.getOrDefault("config", env.get(envName("config")));
        Map<String, String> file = configFile == null ? Map.of() : readFile(Path.of(configFile));
        java.util.function.Function<String, Setting> get = k -> {
            if (flags.containsKey(k)) {
                return new Setting(k, flags.get(k), "--" + k);
            }
            if (env.get(envName(k)) != null) {
                return new Setting(k, env.get(envName(k)), envName(k));
            }
            if (file.containsKey(k)) {
                return new Setting(k, file.get(k), configFile);
            }
            return new Setting(k, null, "default");
        };
        int port = (int) get.apply("port").number(7070, 0, 65_535);
        Path dataDir = Path.of(get.apply("data-dir").orElse("data"));
        long maxMb = get.apply("max-upload-mb").number(DEFAULT_MAX_UPLOAD / (1024 * 1024), 1, 1024L * 1024);
        String jdbcUrl = get.apply("jdbc-url").value();
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("jdbc-url must start with jdbc:, was " + jdbcUrl);
        }
        return new AdminConfig(port, dataDir, jdbcUrl, get.apply("db-user").value(),
                get.apply("db-password").value(), maxMb * 1024 * 1024, get.apply("secure-cookies").bool(),
                get.apply("demo").bool(), get.apply("trusted-proxies").addresses());
    }

    private static String envName(String key) {
        return "IHATI_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Map<String, String> readFile(Path path) {
        var p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(path, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read config file " + path + ": " + e.getMessage(), e);
        }
        var m = new java.util.HashMap<String, String>();
        for (String k : p.stringPropertyNames()) {
            if (!KEYS.containsKey(k) || k.equals("config")) {
                throw new IllegalArgumentException("unknown key \"" + k + "\" in config file " + path);
            }
            m.put(k, p.getProperty(k).strip());
        }
        return m;
    }

    /** One setting's value and where it came from, so an error can say which to fix. */
    private record Setting(String key, String value, String source) {
        String orElse(String fallback) {
            return value == null || value.isBlank() ? fallback : value;
        }

        long number(long fallback, long min, long max) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            long n;
            try {
                n = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, was \"" + value + "\" (" + source + ")");
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException(key + " must be " + min + "-" + max + ", was " + n + " (" + source + ")");
            }
            return n;
        }

        List<String> addresses() {
            if (value == null || value.isBlank()) {
                return List.of();
            }
            var list = new java.util.ArrayList<String>();
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                try {
                    ClientAddress.check(entry);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + ": " + e.getMessage() + " (" + source + ")", e);
                }
                list.add(entry.strip());
            }
            return list;
        }

        boolean bool() {
            if (value == null || value.isBlank()) {
                return false;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "on" -> true;
                case "false", "no", "0", "off" -> false;
                default -> throw new IllegalArgumentException(
                        key + " must be true or false, was \"" + value + "\" (" + source + ")");
            };
        }
    }
}
