package id.ihati.videotron.admin.player;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On PostgreSQL, wakes this node's {@link PlayerHub} the moment another node commits a change to
 * {@code player_sync} or a screenshot request (the database notifies {@value #CHANNEL}, migration V51), so a publish
 * on node A reaches players streaming from node B in milliseconds instead of up to the hub's one-second look. Holds
 * one connection of the pool for as long as the server runs; when it is lost, the hub's look carries on alone and
 * this tries again after {@link #RETRY}.
 */
public final class ChangeListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);
    static final String CHANNEL = "ihati_player_sync";
    static final Duration RETRY = Duration.ofSeconds(5);
    private final DataSource dataSource;
    private final Runnable wake;
    private final Thread thread;
    private final CountDownLatch closed = new CountDownLatch(1);

    private ChangeListener(DataSource dataSource, Runnable wake) {
        this.dataSource = dataSource;
        this.wake = wake;
        this.thread = new Thread(this::run, "player-sync-listener");
        thread.setDaemon(true);
    }

    /** Starts listening; {@code wake} runs (on this listener's thread) after each notification. */
    public static ChangeListener start(DataSource dataSource, Runnable wake) {
        var l = new ChangeListener(dataSource, wake);
        l.thread.start();
        return l;
    }

    private void run() {
        boolean lost = false;
        while (closed.getCount() > 0) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (lost) {
                    log.info("Listening for changes of other nodes again");
                    lost = false;
                }
                wake.run(); // whatever happened while not listening
                PGConnection pg = c.unwrap(PGConnection.class);
                while (closed.getCount() > 0) {
                    PGNotification[] n = pg.getNotifications((int) RETRY.toMillis());
                    if (n != null && n.length > 0) {
                        wake.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed.getCount() == 0) {
                    return;
                }
                if (!lost) {
                    log.warn("Lost the connection that listens for other nodes' changes ({}); the one-second look "
                            + "goes on, listening again in {} s", e.toString(), RETRY.toSeconds());
                    lost = true;
                }
                try {
                    closed.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
