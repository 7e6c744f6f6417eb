package id.ihati.videotron.admin.media;

import java.util.Locale;

/** Small formatting helpers for the library's pages. */
public final class MediaFormat {
    private MediaFormat() {
    }

    /** "1:05" or "0:03.5" for short clips. */
    public static String duration(long millis) {
        long s = millis / 1000;
        long tenths = (millis % 1000) / 100;
        String base = (s / 60) + ":" + String.format(Locale.ROOT, "%02d", s % 60);
        return s < 10 && tenths > 0 ? base + "." + tenths : base;
    }

    /** The first 12 hex digits: enough to recognise a file. */
    public static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(12, sha.length()));
    }
}
