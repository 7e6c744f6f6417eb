package id.ihati.videotron.player.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the player and the real server that can cut the network: {@link Mode#DOWN} closes
 * every connection and drops new ones at once (a cable pulled, the server gone); {@link Mode#SILENT} keeps
 * connections open but lets no byte through (a link that dies without telling anyone, which only missing
 * pings reveal). Not an HTTP mock: the bytes it passes are the real server's. {@link #throttle} makes the
 * answers to one kind of request slow (a large file on a poor link) while everything else passes at full speed.
 */
final class NetworkCut implements AutoCloseable {
    enum Mode { UP, DOWN, SILENT }

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.UP;
    /** Everything the player sent through (tests send little), to count its requests. */
    private final StringBuffer sent = new StringBuffer();
    /** Each request refused while DOWN (its first bytes, and when), to count the player's tries during a cut. */
    private final List<Refused> refused = new CopyOnWriteArrayList<>();

    private record Refused(long nanos, String request) {
    }
    private volatile String slowRequest;
    private volatile int slowBytesPerSecond;

    /** One relayed connection; slow once a request on it started with the throttled prefix. */
    private static final class Link {
        volatile boolean slow;
    }

    NetworkCut(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "network-cut");
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
    }

    void set(Mode mode) {
        this.mode = mode;
        if (mode == Mode.DOWN) {
            for (Socket s : sockets) {
                closeQuietly(s);
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (mode == Mode.DOWN) {
                    daemon(() -> refuse(client), "network-cut-refuse");
                    continue;
                }
                Socket server = new Socket();
                server.connect(target, 5_000);
                sockets.add(client);
                sockets.add(server);
                Link link = new Link();
                daemon(() -> pump(client, server, true, link), "network-cut-up");
                daemon(() -> pump(server, client, false, link), "network-cut-down");
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    /**
     * Reads what a refused connection sends first (its request line), then closes it: nothing reaches the
     * server, and the test can count the tries that failed (a positive signal that the player went on trying).
     */
    private void refuse(Socket client) {
        try (client) {
            client.setSoTimeout(2_000);
            byte[] first = new byte[512];
            int n = client.getInputStream().read(first);
            if (n > 0) {
                refused.add(new Refused(System.nanoTime(),
                        new String(first, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1)));
            }
        } catch (IOException e) {
            // Nothing sent, or the player gave up first: there is no request line to count.
        }
    }

    /** How many requests starting with {@code requestLinePrefix} (e.g. "POST /api/v1/player/plays ") passed. */
    int requests(String requestLinePrefix) {
        String all = sent.toString();
        int count = 0;
        for (int i = all.indexOf(requestLinePrefix); i >= 0; i = all.indexOf(requestLinePrefix, i + 1)) {
            count++;
        }
        return count;
    }

    /** How many requests starting with {@code requestLinePrefix} were refused while the network was down. */
    int refused(String requestLinePrefix) {
        return refusedTimes(requestLinePrefix).size();
    }

    /** The longest time between two refused requests starting with {@code requestLinePrefix}. */
    java.time.Duration longestGapBetweenRefused(String requestLinePrefix) {
        List<Long> times = refusedTimes(requestLinePrefix);
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return java.time.Duration.ofNanos(longest);
    }

    private List<Long> refusedTimes(String requestLinePrefix) {
        return refused.stream().filter(r -> r.request().startsWith(requestLinePrefix)).map(Refused::nanos).sorted()
                .toList();
    }

    /**
     * From now on, answers to requests whose request line starts with {@code requestLinePrefix} (e.g.
     * "GET /api/v1/media/<sha256>") reach the player at about {@code bytesPerSecond}.
     */
    void throttle(String requestLinePrefix, int bytesPerSecond) {
        this.slowBytesPerSecond = bytesPerSecond;
        this.slowRequest = requestLinePrefix;
    }

    private void pump(Socket from, Socket to, boolean fromPlayer, Link link) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = (!fromPlayer && link.slow ? in.read(buffer, 0, Math.max(1, slowBytesPerSecond / 10))
                    : in.read(buffer))) > 0) {
                if (mode == Mode.UP) {
                    if (fromPlayer) {
                        String text = new String(buffer, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
                        sent.append(text);
                        String slow = slowRequest;
                        if (slow != null && text.contains("\r\n")) {
                            link.slow = text.startsWith(slow);   // each request on a kept-alive connection decides
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    if (!fromPlayer && link.slow) {
                        Thread.sleep(100);   // a tenth of the rate per tenth of a second: a slow link, not a wait
                    }
                }
                // SILENT: the bytes vanish, the connection stays open.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // One side closed or was cut: close the other too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        set(Mode.DOWN);
    }
}
