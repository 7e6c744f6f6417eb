package id.ihati.videotron.admin;

import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import java.io.PrintStream;

/**
 * On an empty database, creates the "admin" account with a generated password, printed once, that must be
 * changed at first login.
 */
final class FirstStart {
    private FirstStart() {
    }

    static void ensureAdmin(Services s, PrintStream out) {
        if (s.users.count() > 0) {
            return;
        }
        String password = Passwords.generate();
        s.jdbi.useTransaction(h -> {
            s.users.create(h, "admin", "Administrator", "Diskominfo Kota Cilegon", Role.ADMIN,
                    Passwords.hash(password), true, s.clock.instant());
            s.audit.record(h, "system", "USER_CREATED", "user", "admin", "first start");
        });
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
