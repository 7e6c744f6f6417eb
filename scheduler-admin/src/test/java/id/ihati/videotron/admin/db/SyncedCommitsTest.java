package id.ihati.videotron.admin.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the embedded H2 file, a connection that wrote is synced to disk ({@code CHECKPOINT SYNC}, H2's only fsync)
 * before its commit returns or before it goes back to the pool; one that only read is not (an fsync costs
 * milliseconds). The statements reaching H2 are recorded on the way.
 */
class SyncedCommitsTest {
    @TempDir
    Path dir;

    private final List<String> executed = new CopyOnWriteArrayList<>();

    @Test
    void writesAreSyncedAtCommitAndReadsAreNot() throws Exception {
        Jdbi jdbi = Jdbi.create(new SyncedCommits(recording(h2())));
        jdbi.useHandle(h -> h.execute("CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(100))"));
        assertThat(syncs()).as("auto-commit DDL, synced when the connection is closed").isEqualTo(1);

        jdbi.useTransaction(h -> h.execute("INSERT INTO note VALUES (1, 'tersimpan')"));
        assertThat(syncs()).as("a transaction that wrote, synced at commit").isEqualTo(2);

        jdbi.useHandle(h -> h.execute("UPDATE note SET body = 'diubah' WHERE id = 1"));
        assertThat(syncs()).as("an auto-commit write").isEqualTo(3);

        String body = jdbi.withHandle(h -> h.createQuery("SELECT body FROM note WHERE id = 1")
                .mapTo(String.class).one());
        jdbi.useTransaction(h -> h.createQuery("SELECT COUNT(*) FROM note").mapTo(Integer.class).one());
        assertThat(body).isEqualTo("diubah");
        assertThat(syncs()).as("reads are not synced").isEqualTo(3);
    }

    @Test
    void theServersH2UrlWritesEachCommitAtOnce() {
        assertThat(Database.h2FileUrl(dir)).contains(";WRITE_DELAY=0");
    }

    private long syncs() {
        return executed.stream().filter(s -> s.equals("CHECKPOINT SYNC")).count();
    }

    private DataSource h2() {
        var ds = new JdbcDataSource();
        ds.setURL(Database.h2FileUrl(dir));
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    /** A DataSource whose statements note the SQL they execute directly (as the sync does). */
    private DataSource recording(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, args) -> {
                    Object result = invoke(target, m, args);
                    return result instanceof Connection c ? recordingConnection(c) : result;
                });
    }

    private Connection recordingConnection(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (p, m, args) -> {
                    Object result = invoke(c, m, args);
                    if (result instanceof Statement s && m.getName().equals("createStatement")) {
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                                (p2, m2, a2) -> {
                                    if (m2.getName().startsWith("execute") && a2 != null && a2[0] instanceof String sql) {
                                        executed.add(sql);
                                    }
                                    return invoke(s, m2, a2);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
