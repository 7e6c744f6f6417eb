package id.ihati.videotron.player.sync.cache;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny HTTP/1.1 server on a plain socket serving real files at {@code /api/v1/media/<sha256>} with Range
 * support, for the download mechanics only. Being a raw socket, it can do what a network does to a
 * download: cut the connection after some bytes, or stall (stop sending, keep the connection open). It
 * can also send slowly, ignore ranges or serve other bytes than asked for, and records every Range header.
 */
final class FileServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final ServerSocket socket;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    final List<String> ranges = new CopyOnWriteArrayList<>();
    volatile long cutAfterBytes = -1;
    volatile long stallAfterBytes = -1;
    volatile boolean ignoreRanges;
    volatile int millisPerChunk;

    FileServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "file-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    void put(String sha256, byte[] content) {
        files.put(sha256, content);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    /** A media source fetching from this server with a plain HTTP client. */
    MediaSource source(HttpClient http) {
        return source(http, base());
    }

    static MediaSource source(HttpClient http, URI base) {
        return (sha256, offset) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/media/" + sha256));
            if (offset > 0) {
                request.header("Range", "bytes=" + offset + "-");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        };
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "file-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    /** One request per connection (answers carry Connection: close). */
    private void serve(Socket client) {
        try (client) {
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            String range = null;
            for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                if (h.regionMatches(true, 0, "Range:", 0, 6)) {
                    range = h.substring(6).trim();
                }
            }
            OutputStream out = client.getOutputStream();
            String path = requestLine.split(" ")[1];
            byte[] content = path.startsWith("/api/v1/media/") ? files.get(path.substring(14)) : null;
            if (content == null) {
                head(out, "404 Not Found", 0, null);
                return;
            }
            long from = 0;
            String status = "200 OK";
            String contentRange = null;
            if (range != null) {
                ranges.add(range);
                Matcher m = RANGE.matcher(range);
                if (m.matches() && !ignoreRanges) {
                    from = Long.parseLong(m.group(1));
                    if (from >= content.length) {
                        head(out, "416 Range Not Satisfiable", 0, "bytes */" + content.length);
                        return;
                    }
                    status = "206 Partial Content";
                    contentRange = "bytes " + from + "-" + (content.length - 1) + "/" + content.length;
                }
            }
            head(out, status, content.length - from, contentRange);
            long sent = 0;
            for (long pos = from; pos < content.length; ) {
                int n = (int) Math.min(8 * 1024, content.length - pos);
                long cut = cutAfterBytes;
                long stall = stallAfterBytes;
                long limit = cut >= 0 ? cut : stall;
                if (limit >= 0 && sent + n > limit) {
                    out.write(content, (int) pos, (int) (limit - sent));
                    out.flush();
                    if (cut < 0) {
                        Thread.sleep(60_000);   // stalled: the connection stays open, nothing more arrives
                    }
                    return;                      // cut: the socket closes mid-body
                }
                out.write(content, (int) pos, n);
                out.flush();
                pos += n;
                sent += n;
                if (millisPerChunk > 0) {
                    Thread.sleep(millisPerChunk);
                }
            }
        } catch (IOException e) {
            // The client went away (it was killed, or gave up on a stalled download).
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    private static void head(OutputStream out, String status, long length, String contentRange) throws IOException {
        StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n");
        if (contentRange != null) {
            h.append("Content-Range: ").append(contentRange).append("\r\n");
        }
        out.write(h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
