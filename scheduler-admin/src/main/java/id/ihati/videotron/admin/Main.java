package id.ihati.videotron.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar scheduler-admin-all.jar [--port 7070] [--data-dir data] [--jdbc-url …] [--demo]}. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        AdminConfig config;
        try {
            config = AdminConfig.fromArgs(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("ihati-admin: " + e.getMessage());
            System.err.println("usage: [--port N] [--data-dir DIR] [--jdbc-url URL --db-user U --db-password P]"
                    + " [--max-upload-mb N] [--secure-cookies] [--demo]");
            System.exit(2);
            return;
        }
        AdminServer server = AdminServer.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            server.close();
        }, "shutdown"));
        System.out.println("I-Hati Videotron admin: " + server.baseUrl() + "/");
    }
}
