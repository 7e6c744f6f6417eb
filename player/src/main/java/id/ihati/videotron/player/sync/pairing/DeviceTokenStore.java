package id.ihati.videotron.player.sync.pairing;

import id.ihati.videotron.player.files.AtomicFiles;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device token in {@code <data>/device-token} and the device key beside it in {@code <data>/device-key}
 * (its Ed25519 key pair, made at pairing, with which the player signs its play records), both readable and
 * writable by the player's user only (600).
 */
public final class DeviceTokenStore {
    private static final Logger log = LoggerFactory.getLogger(DeviceTokenStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final Pattern SCREEN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path file;
    private final Path keyFile;
    private final Path retiredDir;
    /** The device key as last read or saved; null until first asked for. */
    private volatile Optional<KeyPair> key;

    public DeviceTokenStore(Path dataDir) {
        this.file = Objects.requireNonNull(dataDir, "dataDir").resolve("device-token");
        this.keyFile = dataDir.resolve("device-key");
        this.retiredDir = dataDir.resolve("retired-tokens");
    }

    public Path keyFile() {
        return keyFile;
    }

    /**
     * The device key, or empty for a player paired before device keys (or not paired): its records go
     * unsigned. A key file that cannot be read is an error, not an empty key: records signed by nobody would
     * be refused by the server that knows the key.
     */
    public Optional<KeyPair> key() {
        Optional<KeyPair> k = key;
        if (k == null) {
            k = readKey();
            key = k;
        }
        return k;
    }

    private Optional<KeyPair> readKey() {
        try {
            if (!Files.exists(keyFile)) {
                return Optional.empty();
            }
            ownerOnly(keyFile);
            List<String> lines = Files.readAllLines(keyFile, StandardCharsets.US_ASCII);
            var pub = lines.size() == 2 ? PlaySignatures.publicKey(lines.get(0)) : Optional.<PublicKey>empty();
            var priv = lines.size() == 2 ? PlaySignatures.privateKey(lines.get(1)) : Optional.<PrivateKey>empty();
            if (pub.isEmpty() || priv.isEmpty()) {
                throw new IOException("not an Ed25519 key pair (public and private key, base64, one a line)");
            }
            return Optional.of(new KeyPair(pub.get(), priv.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the device key " + keyFile, e);
        }
    }

    /** Stores the device key atomically, in a file created with permissions 600 before the key is written. */
    public void saveKey(KeyPair pair) {
        String text = PlaySignatures.encode(pair.getPublic()) + "\n" + PlaySignatures.encode(pair.getPrivate()) + "\n";
        try {
            AtomicFiles.writeSecret(keyFile, text.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the device key in " + keyFile, e);
        }
        key = Optional.of(pair);
    }

    /** Forgets the device key: the player was paired again without one (a server that does not know keys). */
    public void deleteKey() {
        try {
            Files.deleteIfExists(keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the device key " + keyFile, e);
        }
        key = Optional.empty();
    }

    private static void ownerOnly(Path p) throws IOException {
        if (!Files.getPosixFilePermissions(p).equals(OWNER_ONLY)) {
            log.warn("{} had permissions {}; setting them to 600", p,
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            Files.setPosixFilePermissions(p, OWNER_ONLY);
        }
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
            ownerOnly(file);
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

    /**
     * Keeps the revoked token of {@code screenId} as {@code retired-tokens/<screenId>} (still 600): with it the
     * player can still deliver that screen's plays made before the revocation. The player then pairs again.
     */
    public void retire(String screenId) {
        if (!SCREEN_ID.matcher(screenId).matches()) {
            throw new IllegalArgumentException("not a screen id: " + screenId);
        }
        try {
            if (!Files.exists(file)) {
                return;
            }
            Files.createDirectories(retiredDir);
            AtomicFiles.moveDurably(file, retiredDir.resolve(screenId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the revoked device token of " + screenId, e);
        }
    }

    /** The revoked tokens kept by {@link #retire}, by screen id. */
    public Map<String, String> retired() {
        if (!Files.isDirectory(retiredDir)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(retiredDir)) {
            Map<String, String> tokens = new TreeMap<>();
            for (Path p : files.toList()) {
                String screen = p.getFileName().toString();
                if (SCREEN_ID.matcher(screen).matches() && Files.isRegularFile(p)) {
                    tokens.put(screen, Files.readString(p, StandardCharsets.UTF_8).trim());
                }
            }
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the revoked device tokens in " + retiredDir, e);
        }
    }

    /** Deletes the revoked token of {@code screenId}: it has nothing left to deliver. */
    public void forgetRetired(String screenId) {
        try {
            Files.deleteIfExists(retiredDir.resolve(screenId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the revoked device token of " + screenId, e);
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
