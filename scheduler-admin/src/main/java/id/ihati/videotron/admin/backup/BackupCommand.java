package id.ihati.videotron.admin.backup;

import id.ihati.videotron.admin.db.Database;
import id.ihati.videotron.admin.db.DatabaseSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * {@code backup --to DIR [settings]} and {@code restore --from DIR [settings]}, with the server's own settings
 * ({@code --config}, {@code --data-dir}, {@code --jdbc-url}, … as for starting it), so a cron job names the same
 * config file as the service.
 */
public final class BackupCommand {
    public static final String USAGE = """
            usage: ihati-admin backup --to DIR [settings]     copy database and media of a running (or stopped) server
                   ihati-admin restore --from DIR [settings]  put a backup into a new data directory and empty database
              settings as for the server: --config FILE, --data-dir DIR, --jdbc-url URL, --db-user U, --db-password P
            """;

    private BackupCommand() {
    }

    /** True for the arguments of a backup or restore. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /**
     * Runs the command; {@code settings} reads the server's settings from the remaining arguments (the same
     * flags, environment and config file as for starting it). Returns the process exit status (0 done, 1 failed, 2 bad arguments).
     */
    public static int run(String[] args, Function<String[], DatabaseSettings> settings, PrintStream out,
                          PrintStream err) {
        String command = args[0];
        String dirFlag = command.equals("backup") ? "--to" : "--from";
        List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        Path dir = null;
        int i = rest.indexOf(dirFlag);
        if (i >= 0 && i + 1 < rest.size()) {
            dir = Path.of(rest.get(i + 1));
            rest.subList(i, i + 2).clear();
        }
        DatabaseSettings config;
        try {
            if (dir == null) {
                throw new IllegalArgumentException(dirFlag + " DIR is required");
            }
            config = settings.apply(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            err.println("ihati-admin " + command + ": " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            Properties info = command.equals("backup") ? backup(config, dir) : Restore.into(config, dir);
            out.printf("%s %s: %s database (schema %s), %s files%n", command.equals("backup") ? "Backup written to"
                    : "Restored from", dir, info.getProperty("database"), info.getProperty("schemaVersion"),
                    info.getProperty("files"));
            return 0;
        } catch (RuntimeException e) {
            err.println("ihati-admin " + command + " failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ihati-admin " + command + " interrupted");
            return 1;
        }
    }

    /**
     * PostgreSQL is read directly (any number of clients may). The embedded H2 file belongs to the server's
     * process while it runs, so the server is asked to write the backup; when it is stopped, it is opened here.
     */
    private static Properties backup(DatabaseSettings config, Path to) throws InterruptedException {
        Path h2 = Path.of(Database.h2File(config.dataDir()) + ".mv.db");
        if (config.jdbcUrl() == null && !java.nio.file.Files.exists(h2)) {
            throw new IllegalArgumentException("no database in " + config.dataDir() + " (" + h2 + " is missing): "
                    + "give the server's --data-dir or --config");
        }
        if (config.jdbcUrl() == null && h2InUse(config)) {
            return BackupRequests.ask(config.dataDir(), to, Duration.ofHours(2));
        }
        try (var pool = Database.pool(config)) {
            return Backup.write(pool, config.dataDir(), to);
        }
    }

    private static boolean h2InUse(DatabaseSettings config) {
        try (var pool = Database.pool(config)) {
            return false;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.sql.SQLException s && s.getErrorCode() == 90020) {
                    return true; // DATABASE_ALREADY_OPEN: the server has it
                }
            }
            throw e;
        }
    }
}
