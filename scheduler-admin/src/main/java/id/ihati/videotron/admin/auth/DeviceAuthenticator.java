package id.ihati.videotron.admin.auth;

import java.util.Optional;

/** Finds the screen a device token belongs to. The screens feature implements it over hashed tokens. */
@FunctionalInterface
public interface DeviceAuthenticator {
    /** The id of the screen paired with this token, if the token is known and not revoked. */
    Optional<String> screenFor(String bearerToken);

    DeviceAuthenticator NONE = token -> Optional.empty();
}
