package id.ihati.videotron.admin.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Accounts in the {@code app_user} table. */
public final class UserRepository {
    private static final String COLUMNS =
            "id, username, display_name, organisation, role, must_change_password, locale, active, created_at";
    private final Jdbi jdbi;

    public UserRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("organisation"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("must_change_password"), rs.getString("locale"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }

    public Optional<User> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .bind("id", id).map(UserRepository::map).findOne());
    }

    public Optional<User> findByUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = :u")
                .bind("u", username).map(UserRepository::map).findOne());
    }

    public List<User> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
                .map(UserRepository::map).list());
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Long.class).one());
    }

    /** The stored hash, for the login check only. */
    public Optional<String> passwordHash(String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM app_user WHERE username = :u AND active")
                .bind("u", username).mapTo(String.class).findOne());
    }

    /** Creates an account inside the caller's transaction; returns its id. */
    public long create(Handle h, String username, String displayName, String organisation, Role role,
                       String passwordHash, boolean mustChangePassword, Instant now) {
        return h.createUpdate("""
                        INSERT INTO app_user (username, display_name, organisation, role, password_hash,
                                              must_change_password, locale, active, created_at)
                        VALUES (:username, :displayName, :organisation, :role, :hash, :mustChange, 'id', TRUE, :now)""")
                .bind("username", username).bind("displayName", displayName).bind("organisation", organisation)
                .bind("role", role.name()).bind("hash", passwordHash).bind("mustChange", mustChangePassword)
                .bind("now", java.sql.Timestamp.from(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public void setPassword(Handle h, long userId, String passwordHash, boolean mustChange) {
        h.createUpdate("UPDATE app_user SET password_hash = :hash, must_change_password = :mc WHERE id = :id")
                .bind("hash", passwordHash).bind("mc", mustChange).bind("id", userId).execute();
    }

    public void update(Handle h, long userId, String displayName, String organisation, Role role, boolean active) {
        h.createUpdate("""
                        UPDATE app_user SET display_name = :dn, organisation = :org, role = :role, active = :active
                        WHERE id = :id""")
                .bind("dn", displayName).bind("org", organisation).bind("role", role.name())
                .bind("active", active).bind("id", userId).execute();
    }

    public Optional<User> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
                .bind("id", id).map(UserRepository::map).findOne();
    }

    /** Active admins, counted inside the caller's transaction (the last one may not be disabled or demoted). */
    public long activeAdmins(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND active")
                .mapTo(Long.class).one();
    }

    public boolean usernameTaken(Handle h, String username) {
        return h.createQuery("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = LOWER(:u)")
                .bind("u", username).mapTo(Long.class).one() > 0;
    }

    public void setLocale(Handle h, long userId, String locale) {
        h.createUpdate("UPDATE app_user SET locale = :l WHERE id = :id").bind("l", locale).bind("id", userId).execute();
    }

    public void setLocale(long userId, String locale) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE app_user SET locale = :l WHERE id = :id")
                .bind("l", locale).bind("id", userId).execute());
    }
}
