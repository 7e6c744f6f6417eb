package id.ihati.videotron.admin.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A PostgreSQL database as files of {@code COPY} text, one per table of the current schema, read in one
 * read-only REPEATABLE READ transaction (one snapshot, as pg_dump takes it; no pg_dump of a matching version
 * needed on the server), and loaded back into a database that the migrations brought to the same schema version.
 */
final class PostgresCopy {
    /** Flyway's own history: the migrations write it when the schema is made again, so it is not copied. */
    static final String HISTORY = "flyway_schema_history";

    private PostgresCopy() {
    }

    /** Writes {@code <table>.copy} files into {@code dir}; returns the number of rows. */
    static long export(DataSource dataSource, Path dir) throws SQLException, IOException {
        Files.createDirectories(dir);
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables(c)) {
                    if (table.equals(HISTORY)) {
                        continue;
                    }
                    try (OutputStream out = Files.newOutputStream(dir.resolve(table + ".copy"))) {
                        rows += copy.copyOut("COPY " + quote(table) + " TO STDOUT", out);
                    }
                }
            } finally {
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
            }
        }
        return rows;
    }

    /**
     * Loads the files of {@code dir} into the (freshly migrated) database in one transaction: empties every table
     * (the migrations seed a few rows), copies parents before the tables that refer to them, and moves each
     * sequence past the largest value restored.
     */
    static long load(DataSource dataSource, Path dir) throws SQLException, IOException {
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                List<String> tables = parentsFirst(c);
                tables.remove(HISTORY);
                s.execute("TRUNCATE " + String.join(", ", tables.stream().map(PostgresCopy::quote).toList()));
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables) {
                    Path file = dir.resolve(table + ".copy");
                    if (!Files.exists(file)) {
                        throw new IllegalStateException("the backup has no data for table " + table);
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        rows += copy.copyIn("COPY " + quote(table) + " FROM STDIN", in);
                    }
                }
                List<String[]> serials = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND (is_identity = 'YES'"
                        + " OR column_default LIKE 'nextval(%')")) {
                    while (rs.next()) {
                        serials.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                for (String[] col : serials) {
                    String t = quote(col[0]);
                    String k = quote(col[1]);
                    s.execute("SELECT setval(pg_get_serial_sequence('" + t.replace("'", "''") + "', '"
                            + col[1].replace("'", "''") + "'), COALESCE((SELECT MAX(" + k + ") FROM " + t
                            + "), 0) + 1, false)");
                }
            }
            c.commit();
        }
        return rows;
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name FROM"
                + " information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                + " ORDER BY table_name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The tables ordered so that every table comes after the tables its foreign keys point to. */
    private static List<String> parentsFirst(Connection c) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        for (String t : tables(c)) {
            parents.put(t, new TreeSet<>());
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ch.relname, pa.relname"
                + " FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid"
                + " WHERE k.contype = 'f' AND k.conrelid <> k.confrelid"
                + " AND ch.relnamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                parents.computeIfAbsent(rs.getString(1), x -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        var ordered = new LinkedHashSet<String>();
        while (ordered.size() < parents.size()) {
            int before = ordered.size();
            parents.forEach((t, ps) -> {
                if (!ordered.contains(t) && ordered.containsAll(ps)) {
                    ordered.add(t);
                }
            });
            if (ordered.size() == before) {
                throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
            }
        }
        return new ArrayList<>(ordered);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
