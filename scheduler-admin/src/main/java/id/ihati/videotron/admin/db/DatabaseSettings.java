package id.ihati.videotron.admin.db;

import java.nio.file.Path;

/**
 * Where the database is: the embedded H2 file in {@code dataDir} when {@code jdbcUrl} is null, else that
 * server. The part of the server's settings that the pool, backup and restore need.
 */
public record DatabaseSettings(Path dataDir, String jdbcUrl, String dbUser, String dbPassword) {
}
