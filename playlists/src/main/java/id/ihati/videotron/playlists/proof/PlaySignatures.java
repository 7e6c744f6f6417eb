package id.ihati.videotron.playlists.proof;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * Ed25519 signatures of play records with a player's device key: the player makes the key pair when it is
 * paired and sends the public key with its pairing request; the server keeps it with the device token and
 * accepts from that player only records signed with it. What is signed is the record's recomputed hash (so
 * the signature covers every field and, through {@code prevHash}, the chain before it) after a fixed prefix,
 * so a signature made for a play can never pass for anything else. Keys travel as base64: public keys X.509
 * encoded, private keys PKCS#8.
 */
public final class PlaySignatures {
    public static final String ALGORITHM = "Ed25519";
    private static final byte[] DOMAIN = "ihati-videotron play record v1\n".getBytes(StandardCharsets.US_ASCII);

    private PlaySignatures() {
    }

    /** A new device key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Java 15 and later have Ed25519", e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String encode(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The Ed25519 public key in {@code base64}, or empty when it is not one. */
    public static Optional<PublicKey> publicKey(String base64) {
        if (base64 == null || base64.length() > 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip()))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The Ed25519 private key in {@code base64}, or empty when it is not one. */
    public static Optional<PrivateKey> privateKey(String base64) {
        try {
            return Optional.of(KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64.strip()))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The record carrying its signature with {@code key}. */
    public static PlayRecord sign(PlayRecord record, PrivateKey key) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message(record));
            return record.withSignature(Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** True when the record carries a signature with {@code key} of exactly its content. */
    public static boolean verify(PlayRecord record, PublicKey key) {
        if (record.signature() == null || record.signature().length() > 200) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message(record));
            return s.verify(Base64.getDecoder().decode(record.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] message(PlayRecord record) {
        byte[] hash = record.computeHash().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[DOMAIN.length + hash.length];
        System.arraycopy(DOMAIN, 0, out, 0, DOMAIN.length);
        System.arraycopy(hash, 0, out, DOMAIN.length, hash.length);
        return out;
    }
}
