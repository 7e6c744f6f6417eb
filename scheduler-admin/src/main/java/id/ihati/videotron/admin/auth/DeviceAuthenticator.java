package id.ihati.videotron.admin.auth;

import java.util.Optional;

/** Finds the screen a device token belongs to. The screens feature implements it over hashed tokens. */
@FunctionalInterface
public interface DeviceAuthenticator {
    /** The id of the screen paired with this token, if the token is known and not revoked. */
    Optional<String> screenFor(String bearerToken);

    /** A revoked token: which screen it was paired with, and since when it is revoked. */
    record Retired(String screenId, java.time.Instant revokedAt) {
    }

    /** The screen and revocation time of this token, if it is known and revoked. */
    default Optional<Retired> retired(String bearerToken) {
        return Optional.empty();
    }
}
