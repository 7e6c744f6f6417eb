package id.ihati.videotron.admin.demo;

import java.io.PrintStream;
import java.sql.Timestamp;
import java.util.List;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the demo data of {@code --demo}: runs each {@link DemoStep} that has not run on this database yet.
 * Refuses to seed a database that already holds real accounts but was never a demo, so a mistaken
 * {@code --demo} on a production database cannot add accounts with published passwords.
 */
public final class DemoData {
    static final String MARKER_PREFIX = "demo.step.";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final List<DemoStep> steps;

    public DemoData(List<DemoStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The demo of this release. Features add their steps here (screens, content, bookings), in order. */
    public static DemoData standard() {
        return new DemoData(List.of(new DemoAccounts(), new DemoShowcase()));
    }

    /** Seeds what has not been seeded; returns how many steps ran now. */
    public int seed(DemoParts s) {
        boolean demoDatabase = s.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM app_setting WHERE name LIKE :p").bind("p", MARKER_PREFIX + "%")
                .mapTo(Long.class).one()) > 0;
        if (!demoDatabase && s.users().count() > 0) {
            log.warn("--demo ignored: this database already has accounts and was never a demo database");
            return 0;
        }
        int ran = 0;
        for (DemoStep step : steps) {
            String marker = MARKER_PREFIX + step.getClass().getName();
            if (!claim(s, marker)) {
                continue;
            }
            try {
                step.seed(s);
            } catch (RuntimeException e) {
                // Unclaim, so the step runs again after the cause is fixed; the start-up fails with the cause.
                s.jdbi().useHandle(h -> h.createUpdate("DELETE FROM app_setting WHERE name = :n").bind("n", marker)
                        .execute());
                throw e;
            }
            log.info("Demo data seeded: {}", step.getClass().getSimpleName());
            ran++;
        }
        return ran;
    }

    /** Records that a step runs; false when it has run (or another node is running it) already. */
    private static boolean claim(DemoParts s, String marker) {
        try {
            s.jdbi().useHandle(h -> h.createUpdate(
                            "INSERT INTO app_setting (name, setting_value, updated_at) VALUES (:n, 'done', :t)")
                    .bind("n", marker).bind("t", Timestamp.from(s.clock().instant())).execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            boolean exists = s.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_setting WHERE name = :n")
                    .bind("n", marker).mapTo(Long.class).one()) > 0;
            if (exists) {
                return false;
            }
            throw e;
        }
    }

    /** The banner printed at each demo start: where to go and how to sign in. */
    public static void printLogins(PrintStream out, String baseUrl) {
        var sb = new StringBuilder("""

                ============================================================
                 I-Hati Videotron DEMO: %s/
                 Akun demo / demo logins (username / password):
                """.formatted(baseUrl));
        for (DemoAccounts.Login l : DemoAccounts.LOGINS) {
            sb.append(String.format("   %-20s %-20s %s%n", l.username(), l.password(), l.role()));
        }
        sb.append(" Jangan gunakan mode demo untuk data nyata. Not for real data.\n");
        sb.append("============================================================\n");
        out.print(sb);
    }
}
