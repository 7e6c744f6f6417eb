package id.ihati.videotron.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar scheduler-admin-all.jar [--config ihati.properties] [--port 7070] [--data-dir data]
 * [--jdbc-url …] [--demo]}; {@code --help} lists every setting.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(AdminConfig.usage());
            return;
        }
        AdminConfig config;
        try {
            config = AdminConfig.fromArgs(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("ihati-admin: " + e.getMessage());
            System.err.print(AdminConfig.usage());
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
