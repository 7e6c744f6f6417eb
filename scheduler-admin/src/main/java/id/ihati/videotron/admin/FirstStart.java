package id.ihati.videotron.admin;

import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import java.io.PrintStream;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * On an empty database, creates the "admin" account with a generated password, printed once, that must be
 * changed at first login. Exactly once: a database with any account is left alone, and of two nodes racing on
 * an empty database only one creates (and prints) it.
 */
final class FirstStart {
    private FirstStart() {
    }

    static void ensureAdmin(Wiring s, PrintStream out) {
        if (s.users.count() > 0) {
            return;
        }
        String password = Passwords.generate();
        try {
            s.jdbi.useTransaction(h -> {
                s.users.create(h, "admin", "Administrator", "Diskominfo Kota Cilegon", Role.ADMIN,
                        Passwords.hash(password), true, s.clock.instant());
                s.audit.record(h, "system", "USER_CREATED", "user", "admin", "first start");
            });
        } catch (UnableToExecuteStatementException e) {
            // Two nodes started on one empty database at once: the other one made (and printed) the admin.
            if (s.users.findByUsername("admin").isPresent()) {
                return;
            }
            throw e;
        }
        out.println("""

                ============================================================
                 I-Hati Videotron: akun admin pertama / first admin account
                   username: admin
                   password: %s
                 Kata sandi ini hanya ditampilkan sekali dan harus diganti
                 saat login pertama. Shown once; change it at first login.
                ============================================================
                """.formatted(password));
    }
}
