package id.ihati.videotron.admin.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.security.SecureRandom;

/** Argon2id password hashing (password4j) and generated passwords. */
public final class Passwords {
    // OWASP's second recommended argon2id setting: 19 MiB, 2 iterations, 1 lane.
    private static final Argon2Function ARGON2 = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int MIN_LENGTH = 10;

    private Passwords() {
    }

    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    /** A hash of nothing anyone knows, checked when a username is unknown so both cases take as long. */
    private static final String DECOY = hash(generate());

    /**
     * Spends the time of one password check and returns false: for unknown usernames, so the answer's timing
     * does not tell which usernames exist.
     */
    public static boolean decoyCheck(String password) {
        matches(password == null ? "" : password, DECOY);
        return false;
    }

    public static boolean matches(String password, String hash) {
        return password != null && hash != null && Password.check(password, hash).with(ARGON2);
    }

    /** A random password that is easy to type: 16 characters without look-alikes. */
    public static String generate() {
        var sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
