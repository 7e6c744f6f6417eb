package id.ihati.videotron.admin.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTP connector with bounds on slow and idle clients (issue 12): a client that has not sent the
 * headers of its first request within {@link #HEADERS} is dropped, and a connection with no traffic for
 * {@link #IDLE} is closed. Event streams stay open: the server writes a ping on each every 15 s
 * ({@code PlayerHub.PING_INTERVAL}), and writing is traffic.
 */
public final class ConnectionLimits {
    private static final Logger log = LoggerFactory.getLogger(ConnectionLimits.class);
    public static final Duration HEADERS = Duration.ofSeconds(10);
    public static final Duration IDLE = Duration.ofSeconds(60);

    private ConnectionLimits() {
    }

    /** A plain HTTP/1.1 connector on {@code host:port} (host null: all addresses) with the limits. */
    public static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        var connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE.toMillis());
        connector.addEventListener(new HeaderDeadline(connector));
        return connector;
    }

    /**
     * Closes a connection whose first request's headers have not all arrived {@link #HEADERS} after it opened.
     * The idle timeout alone would let a client trickle a byte every few seconds for ever.
     */
    private record HeaderDeadline(ServerConnector connector) implements Connection.Listener {
        @Override
        public void onOpened(Connection connection) {
            if (connection instanceof HttpConnection http) {
                connector.getScheduler().schedule(() -> {
                    if (http.getMessagesIn() == 0 && http.getEndPoint().isOpen()) {
                        log.info("Dropped a client that sent no complete request headers within {} s: {}",
                                HEADERS.toSeconds(), http.getEndPoint().getRemoteSocketAddress());
                        http.getEndPoint().close();
                    }
                }, HEADERS.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void onClosed(Connection connection) {
            // nothing to undo: the scheduled check finds the connection closed
        }
    }
}
