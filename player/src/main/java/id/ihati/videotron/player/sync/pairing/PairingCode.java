package id.ihati.videotron.player.sync.pairing;

import java.time.Instant;
import java.util.Objects;

/** The code the display shows large until an admin types it into the screen's page, and when it expires. */
public record PairingCode(String code, Instant expiresAt) {
    public PairingCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
