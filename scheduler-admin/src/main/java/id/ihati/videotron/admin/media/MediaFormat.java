package id.ihati.videotron.admin.media;

/** Small formatting helpers for the library's pages. */
public final class MediaFormat {
    private MediaFormat() {
    }

    /** The first 12 hex digits: enough to recognise a file. */
    public static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(12, sha.length()));
    }
}
