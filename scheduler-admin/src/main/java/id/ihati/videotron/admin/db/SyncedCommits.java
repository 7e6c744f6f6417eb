package id.ihati.videotron.admin.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes every write on an embedded H2 file database reach the disk before the server answers.
 *
 * <p>With {@code WRITE_DELAY=0} (see {@link Database#h2FileUrl}) H2 writes each committed transaction to its file
 * before the commit returns, but only into the operating system's cache: H2 calls {@code fsync} only on
 * {@code CHECKPOINT SYNC} and at shutdown. A power cut would still lose the last seconds. This wrapper runs
 * {@code CHECKPOINT SYNC} after a connection that wrote commits (or, in auto-commit mode, before it goes back to
 * the pool), so the HTTP answer that follows is sent only once the write is on disk. Connections that only read
 * are not synced (an fsync costs milliseconds even on a clean file). Concurrent committers share one fsync
 * (group commit): a sync that started after a commit was written covers it.
 */
final class SyncedCommits implements DataSource {
    private final DataSource delegate;
    /** Numbers the written commits; {@link #synced} is the highest number known to be on disk. */
    private final AtomicLong written = new AtomicLong();
    private long synced;
    private final Object syncLock = new Object();

    SyncedCommits(DataSource delegate) {
        this.delegate = delegate;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Tracking(c));
    }

    /** Writes all commits written so far to disk, sharing the fsync with concurrent callers. */
    private void syncThrough(Connection c) throws SQLException {
        long mine = written.incrementAndGet();
        synchronized (syncLock) {
            if (synced >= mine) {
                return; // a sync that began after this commit was written has finished
            }
            long upTo = written.get();
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            synced = upTo;
        }
    }

    /** A statement that may change data: anything but a query. */
    static boolean mayWrite(String sql) {
        String s = sql.stripLeading().toUpperCase(Locale.ROOT);
        return !(s.startsWith("SELECT") || s.startsWith("VALUES") || s.startsWith("SHOW")
                || s.startsWith("EXPLAIN"));
    }

    /** Notes whether a connection wrote, and syncs at commit and when an auto-commit connection is closed. */
    private final class Tracking implements InvocationHandler {
        private final Connection target;
        private boolean dirty;

        Tracking(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            switch (name) {
                case "prepareStatement", "prepareCall", "nativeSQL" -> dirty |= mayWrite((String) args[0]);
                case "createStatement" -> dirty = true; // its SQL is not known yet: assume a write
                case "close" -> {
                    if (dirty && !target.isClosed() && target.getAutoCommit()) {
                        syncThrough(target);
                    }
                    dirty = false;
                }
                case "unwrap", "isWrapperFor" -> {
                    return call(method, args);
                }
                default -> { }
            }
            Object result = call(method, args);
            if (name.equals("commit") && dirty) {
                syncThrough(target);
                dirty = false;
            }
            return result;
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }
}
