package id.ihati.videotron.playlists.schedule;

import java.util.regex.Pattern;

/** A file by its content: hex SHA-256 and size in bytes. */
public record FileRef(String sha256, long size) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public FileRef {
        checkSha256(sha256);
        if (size <= 0) {
            throw new IllegalArgumentException("file size must be positive, was " + size);
        }
    }

    static void checkSha256(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was " + sha256);
        }
    }

    /** True for a well-formed lower-case hex SHA-256; callers use it before building a path from one. */
    public static boolean isSha256(String s) {
        return s != null && SHA256.matcher(s).matches();
    }
}
