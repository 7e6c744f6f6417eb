/** The database: connection pool, Flyway migrations (portable SQL plus per-vendor files) and Jdbi. */
package id.ihati.videotron.admin.db;
