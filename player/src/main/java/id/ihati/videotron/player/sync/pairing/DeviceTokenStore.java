package id.ihati.videotron.player.sync.pairing;

import id.ihati.videotron.player.sync.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The device token in {@code <data>/device-token}, readable and writable by the player's user only (600). */
public final class DeviceTokenStore {
    private static final Logger log = LoggerFactory.getLogger(DeviceTokenStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public DeviceTokenStore(Path dataDir) {
        this.file = Objects.requireNonNull(dataDir, "dataDir").resolve("device-token");
    }

    public Path file() {
        return file;
    }

    /** The stored token, or empty when the player has not been paired (or the file is empty). */
    public Optional<String> load() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                log.warn("device token file {} had permissions {}; setting them to 600", file,
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the device token " + file, e);
        }
    }

    /** Stores the token atomically, in a file created with permissions 600 before the token is written. */
    public void save(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("device token must not be blank");
        }
        try {
            AtomicFiles.writeSecret(file, token.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the device token in " + file, e);
        }
    }

    /** Forgets the token (it was revoked): the player pairs again. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the device token " + file, e);
        }
    }
}
