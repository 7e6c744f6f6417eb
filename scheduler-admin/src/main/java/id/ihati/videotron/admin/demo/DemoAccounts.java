package id.ihati.videotron.admin.demo;

import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import java.util.List;

/** Demo accounts for every role, with the known passwords of {@link #LOGINS}. */
public final class DemoAccounts implements DemoStep {

    /** A demo login, printed at start-up and shown in the docs. */
    public record Login(String username, String password, Role role, String displayName, String organisation) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("admin", "admin-demo-2026", Role.ADMIN, "Administrator Diskominfo",
                    "Diskominfo Kota Cilegon"),
            new Login("dinkes", "dinkes-demo-2026", Role.HEALTH_EDITOR, "Siti Rahmawati",
                    "Dinas Kesehatan Kota Cilegon"),
            new Login("kominfo", "kominfo-demo-2026", Role.CITY_EDITOR, "Andi Pratama",
                    "Diskominfo Kota Cilegon"),
            new Login("puskesmas.citangkil", "citangkil-demo-2026", Role.CONTRIBUTOR, "Dewi Lestari",
                    "Puskesmas Citangkil"),
            new Login("dprd", "dprd-demo-2026", Role.REVIEWER, "H. Ahmad Fauzi",
                    "DPRD Kota Cilegon, Komisi IV"));

    @Override
    public void seed(DemoParts s) {
        s.jdbi().useTransaction(h -> {
            for (Login l : LOGINS) {
                String hash = Passwords.hash(l.password());
                var existing = s.users().findByUsername(l.username());
                if (existing.isPresent()) {
                    // The first-start admin of an empty database gets the known demo password.
                    s.users().setPassword(h, existing.get().id(), hash, false);
                } else {
                    s.users().create(h, l.username(), l.displayName(), l.organisation(), l.role(), hash, false,
                            s.clock().instant());
                }
                s.audit().record(h, "system", "DEMO_ACCOUNT", "user", l.username(), l.role().name());
            }
        });
    }
}
