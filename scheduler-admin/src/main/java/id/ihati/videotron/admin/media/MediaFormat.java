package id.ihati.videotron.admin.media;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small formatting helpers for the library's pages. */
public final class MediaFormat {
    private static final DateTimeFormatter WIB_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT)
            .withZone(Metadata.WIB);

    private MediaFormat() {
    }

    /** "1:05" or "0:03.5" for short clips. */
    public static String duration(long millis) {
        long s = millis / 1000;
        long tenths = (millis % 1000) / 100;
        String base = (s / 60) + ":" + String.format(Locale.ROOT, "%02d", s % 60);
        return s < 10 && tenths > 0 ? base + "." + tenths : base;
    }

    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    /** A time in WIB, e.g. "25 Nov 2026 14:05". */
    public static String wib(Instant t) {
        return t == null ? "" : WIB_TIME.format(t);
    }

    /** The first 12 hex digits: enough to recognise a file. */
    public static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(12, sha.length()));
    }
}
