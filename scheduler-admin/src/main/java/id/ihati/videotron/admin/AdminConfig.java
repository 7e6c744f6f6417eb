package id.ihati.videotron.admin;

import java.nio.file.Path;
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
 */
public record AdminConfig(
        int port,
        Path dataDir,
        String jdbcUrl,
        String dbUser,
        String dbPassword,
        long maxUploadBytes,
        boolean secureCookies,
        boolean demo) {

    public static final long DEFAULT_MAX_UPLOAD = 512L * 1024 * 1024;

    public AdminConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0–65535, was " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("maxUploadBytes must be positive");
        }
    }

    /** Defaults for a server on {@code port} with its data in {@code dataDir}. */
    public static AdminConfig of(int port, Path dataDir) {
        return new AdminConfig(port, dataDir, null, null, null, DEFAULT_MAX_UPLOAD, false, false);
    }

    public AdminConfig withJdbc(String url, String user, String password) {
        return new AdminConfig(port, dataDir, url, user, password, maxUploadBytes, secureCookies, demo);
    }

    public AdminConfig withDemo(boolean demo) {
        return new AdminConfig(port, dataDir, jdbcUrl, dbUser, dbPassword, maxUploadBytes, secureCookies, demo);
    }

    public AdminConfig withMaxUploadBytes(long bytes) {
        return new AdminConfig(port, dataDir, jdbcUrl, dbUser, dbPassword, bytes, secureCookies, demo);
    }

    /** True when the database is PostgreSQL (the scheduler then runs clustered). */
    public boolean postgres() {
        return jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    /**
     * Reads {@code --flag value} arguments, falling back to {@code IHATI_*} environment variables:
     * --port (IHATI_PORT, default 7070), --data-dir (IHATI_DATA_DIR, default ./data), --jdbc-url, --db-user,
     * --db-password, --max-upload-mb, --secure-cookies, --demo.
     */
    public static AdminConfig fromArgs(String[] args, Map<String, String> env) {
        var flags = new java.util.HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String key = a.substring(2);
            if (key.equals("demo") || key.equals("secure-cookies")) {
                flags.put(key, "true");
            } else if (i + 1 < args.length) {
                flags.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + a);
            }
        }
        java.util.function.Function<String, String> get = k -> flags.getOrDefault(k,
                env.get("IHATI_" + k.toUpperCase(Locale.ROOT).replace('-', '_')));
        int port = Integer.parseInt(Objects.requireNonNullElse(get.apply("port"), "7070"));
        Path dataDir = Path.of(Objects.requireNonNullElse(get.apply("data-dir"), "data"));
        String maxMb = get.apply("max-upload-mb");
        long max = maxMb == null ? DEFAULT_MAX_UPLOAD : Long.parseLong(maxMb) * 1024 * 1024;
        return new AdminConfig(port, dataDir, get.apply("jdbc-url"), get.apply("db-user"), get.apply("db-password"),
                max, Boolean.parseBoolean(get.apply("secure-cookies")), Boolean.parseBoolean(get.apply("demo")));
    }
}
