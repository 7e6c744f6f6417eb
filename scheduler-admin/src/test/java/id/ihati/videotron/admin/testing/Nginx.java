package id.ihati.videotron.admin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The distribution's nginx (Debian package nginx-light, which bin/run-tests installs) running the site configuration
 * shipped in docs/nginx-ihati.conf, unchanged but for its ports: the two upstream nodes and the port it listens on.
 * Its own prefix, pid and temp directories live in a test directory; nothing of the host's nginx is used.
 */
public final class Nginx implements AutoCloseable {
    public static final Path SHIPPED = Path.of("../docs/nginx-ihati.conf");
    private final Process process;
    private final Path dir;
    private final int port;

    private Nginx(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** nginx in front of the nodes at these ports, with the shipped configuration. */
    public static Nginx start(Path dir, int nodeA, int nodeB) {
        return start(dir, nodeA, nodeB, 4096);
    }

    /** The same with room for this many connections (each proxied event stream takes two). */
    public static Nginx start(Path dir, int nodeA, int nodeB, int connections) {
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx)) {
            throw new AssertionError("nginx is missing: install the Debian package nginx-light (bin/run-tests does)");
        }
        try {
            int port = freePort();
            String site = Files.readString(SHIPPED);
            String ours = site.replace("server 127.0.0.1:7070 ", "server 127.0.0.1:" + nodeA + " ")
                    .replace("server 127.0.0.1:7071 ", "server 127.0.0.1:" + nodeB + " ")
                    .replace("listen 80;", "listen 127.0.0.1:" + port + ";");
            if (ours.equals(site) || !ours.contains(":" + nodeA) || !ours.contains(":" + nodeB)) {
                throw new AssertionError("docs/nginx-ihati.conf no longer has the ports this test replaces");
            }
            Files.writeString(dir.resolve("site.conf"), ours);
            for (String d : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi", "logs")) {
                Files.createDirectories(dir.resolve(d));
            }
            // What /etc/nginx/nginx.conf gives a site on Debian, reduced to a private prefix.
            Files.writeString(dir.resolve("nginx.conf"), """
                    daemon off;
                    user root root;
                    worker_processes 1;
                    worker_rlimit_nofile %2$d;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log info;
                    events { worker_connections %2$d; }
                    http {
                        access_log %1$s/logs/access.log;
                        client_body_temp_path %1$s/body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        include %1$s/site.conf;
                    }
                    """.formatted(dir.toAbsolutePath(), connections));
            Process p = new ProcessBuilder(nginx.toString(), "-p", dir.toAbsolutePath().toString(), "-c",
                    dir.resolve("nginx.conf").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new AssertionError("nginx exited with " + p.exitValue() + ":\n"
                            + Files.readString(dir.resolve("logs/stdout.log"))
                            + Files.readString(dir.resolve("logs/error.log")));
                }
                try (var s = new java.net.Socket("127.0.0.1", port)) {
                    return new Nginx(p, dir, port);
                } catch (IOException notYet) {
                    p.waitFor(50, TimeUnit.MILLISECONDS);
                }
            }
            p.destroyForcibly();
            throw new AssertionError("nginx did not listen within 20 s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String errorLog() {
        try {
            return Files.readString(dir.resolve("logs/error.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
