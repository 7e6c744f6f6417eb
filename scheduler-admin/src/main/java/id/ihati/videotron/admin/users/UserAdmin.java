package id.ihati.videotron.admin.users;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.SessionRepository;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.auth.UserRepository;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The rules for managing accounts. Each change commits together with its audit record. */
public final class UserAdmin {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final UserRepository users;
    private final SessionRepository sessions;

    public UserAdmin(Jdbi jdbi, Clock clock, AuditLog audit, UserRepository users, SessionRepository sessions) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.users = users;
        this.sessions = sessions;
    }

    /** A new account and the password it was given: shown once to the admin, never stored in clear. */
    public record WithPassword(User user, String temporaryPassword) {
    }

    public WithPassword create(User actor, UserForm form) {
        List<Problem> problems = new ArrayList<>(form.problems(true));
        String password = Passwords.generate();
        String hash = Passwords.hash(password);
        User created = jdbi.inTransaction(h -> {
            if (problems.stream().noneMatch(p -> "username".equals(p.field()))
                    && users.usernameTaken(h, form.username())) {
                problems.add(Problem.of("username", "users.username.taken", form.username()));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            long id = users.create(h, form.username(), form.displayName(), form.organisation(), form.roleValue(),
                    hash, true, clock.instant());
            users.setLocale(h, id, form.localeValue());
            audit.record(h, actor.username(), "USER_CREATED", "user", form.username(),
                    "role=" + form.roleValue() + ", organisation=" + form.organisation());
            return users.find(h, id).orElseThrow();
        });
        return new WithPassword(created, password);
    }

    /** Changes name, organisation, role and language; the username stays. */
    public User update(User actor, long id, UserForm form) {
        List<Problem> problems = form.problems(false);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return jdbi.inTransaction(h -> {
            User before = existing(h, id);
            Role role = form.roleValue();
            if (before.role() == Role.ADMIN && role != Role.ADMIN && before.active() && users.activeAdmins(h) <= 1) {
                throw ValidationException.of("role", "users.lastAdmin");
            }
            users.update(h, id, form.displayName(), form.organisation(), role, before.active());
            users.setLocale(h, id, form.localeValue());
            var changes = new StringJoiner(", ");
            change(changes, "displayName", before.displayName(), form.displayName());
            change(changes, "organisation", before.organisation(), form.organisation());
            change(changes, "role", before.role().name(), role.name());
            change(changes, "locale", before.locale(), form.localeValue());
            audit.record(h, actor.username(), "USER_UPDATED", "user", before.username(), changes.toString());
            if (before.role() != role) {
                // A changed role takes effect at once: sessions carry no role, but end them so open pages reload.
                sessions.endAll(h, id);
            }
            return users.find(h, id).orElseThrow();
        });
    }

    /** Disables (ending every session at once) or re-enables an account. */
    public User setActive(User actor, long id, boolean active) {
        return jdbi.inTransaction(h -> {
            User before = existing(h, id);
            if (!active && before.id() == actor.id()) {
                throw ValidationException.of(null, "users.disableSelf");
            }
            if (!active && before.role() == Role.ADMIN && before.active() && users.activeAdmins(h) <= 1) {
                throw ValidationException.of(null, "users.lastAdmin");
            }
            users.update(h, id, before.displayName(), before.organisation(), before.role(), active);
            if (!active) {
                sessions.endAll(h, id);
            }
            audit.record(h, actor.username(), active ? "USER_ENABLED" : "USER_DISABLED", "user",
                    before.username(), null);
            return users.find(h, id).orElseThrow();
        });
    }

    /** Gives a new generated password that must be changed at next login, and ends the user's sessions. */
    public WithPassword resetPassword(User actor, long id) {
        String password = Passwords.generate();
        String hash = Passwords.hash(password);
        User user = jdbi.inTransaction(h -> {
            User before = existing(h, id);
            users.setPassword(h, id, hash, true);
            sessions.endAll(h, id);
            audit.record(h, actor.username(), "PASSWORD_RESET", "user", before.username(), null);
            return users.find(h, id).orElseThrow();
        });
        return new WithPassword(user, password);
    }

    /** A person's own choice of language for the UI. */
    public void setOwnLocale(User user, String locale) {
        if (!"id".equals(locale) && !"en".equals(locale)) {
            throw ValidationException.of("locale", "users.locale.invalid");
        }
        jdbi.useTransaction(h -> {
            users.setLocale(h, user.id(), locale);
            audit.record(h, user.username(), "LANGUAGE_CHANGED", "user", user.username(), locale);
        });
    }

    private User existing(Handle h, long id) {
        return users.find(h, id).orElseThrow(NotFoundResponse::new);
    }

    private static void change(StringJoiner changes, String field, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }
}
