package id.ihati.videotron.admin.auth;

import io.javalin.security.RouteRole;

/** The roles a route can allow. Every route names at least one; a route that names none is refused. */
public enum Role implements RouteRole {
    /** Users, screens, settings. */
    ADMIN,
    /** Dinkes: health bookings; approves content. */
    HEALTH_EDITOR,
    /** City-information bookings. */
    CITY_EDITOR,
    /** A Puskesmas operator: uploads content and submits it for approval. */
    CONTRIBUTOR,
    /** DPRD: reads everything, changes nothing. */
    REVIEWER,
    /** Not a user role: a paired player, authenticated by its device token. */
    DEVICE,
    /**
     * Not a user role: a player whose device token was revoked (its screen was paired again, or the token
     * revoked). Allowed only where it may still deliver what it did while its token was valid.
     */
    RETIRED_DEVICE,
    /** Not a user role: anyone, signed in or not (login page, pairing start, open feed). */
    PUBLIC;

    /** The roles a person can hold. */
    public static final Role[] USER_ROLES = {ADMIN, HEALTH_EDITOR, CITY_EDITOR, CONTRIBUTOR, REVIEWER};

    /** Every signed-in person, whatever their role. */
    public static final Role[] SIGNED_IN = USER_ROLES;

    public boolean userRole() {
        return this != DEVICE && this != RETIRED_DEVICE && this != PUBLIC;
    }
}
