/**
 * Online backup and restore of the database and the files in the data directory ({@code backup --to DIR},
 * {@code restore --from DIR}): H2 through its own {@code BACKUP TO}, PostgreSQL as one consistent snapshot read
 * through JDBC ({@code COPY} of every table in one read-only REPEATABLE READ transaction), no external tools.
 */
package id.ihati.videotron.admin.backup;
