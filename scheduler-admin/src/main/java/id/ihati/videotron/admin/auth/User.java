package id.ihati.videotron.admin.auth;

import java.time.Instant;
import java.util.Objects;

/** A person who signs in. The password hash never leaves the repository. */
public record User(long id, String username, String displayName, String organisation, Role role,
                   boolean mustChangePassword, String locale, boolean active, Instant createdAt) {
    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if (!role.userRole()) {
            throw new IllegalArgumentException(role + " is not a role a person can hold");
        }
    }
}
