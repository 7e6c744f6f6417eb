package id.ihati.videotron.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar scheduler-admin-all.jar [--config ihati.properties] [--port 7070] [--data-dir data]
 * [--jdbc-url …] [--demo]}; {@code --help} lists every setting. {@code backup --to DIR} and
 * {@code restore --from DIR} (same settings) back up and restore database and media.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        if (id.ihati.videotron.admin.backup.BackupCommand.handles(args)) {
            System.exit(id.ihati.videotron.admin.backup.BackupCommand.run(args,
                    rest -> AdminConfig.fromArgs(rest, System.getenv()).database(), System.out, System.err));
            return;
        }
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(AdminConfig.usage());
            System.out.print(id.ihati.videotron.admin.backup.BackupCommand.USAGE);
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
