package id.ihati.videotron.admin.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where to go after signing in: only a path on this server. The value is first read the way a browser's URL
 * parser reads a {@code Location} (WHATWG URL: leading and trailing C0 controls and spaces dropped, tabs and
 * newlines removed anywhere, backslashes taken as slashes), because a check on the raw string is what
 * {@code /\t/evil.example} slipped past. Encoded forms are decoded (up to three times) and must pass too, so no
 * proxy or later decode can turn an accepted path into another site. Anything else goes to the home page.
 */
public final class LocalRedirect {
    public static final String HOME = "/";
    private static final int DECODE_ROUNDS = 3;

    private LocalRedirect() {
    }

    /** {@code next} if it is a path on this origin after a browser's normalisation, else {@link #HOME}. */
    public static String target(String next) {
        if (next == null) {
            return HOME;
        }
        String s = browserNormalise(next);
        if (!printableAscii(s) || !localPath(s)) {
            return HOME;
        }
        String d = s;
        for (int i = 0; i < DECODE_ROUNDS; i++) {
            String decoded = percentDecode(d);
            if (decoded.equals(d)) {
                break;
            }
            d = browserNormalise(decoded);
            if (d.codePoints().anyMatch(LocalRedirect::control) || !localPath(d)) {
                return HOME;
            }
        }
        return s;
    }

    /** What a browser's URL parser makes of a relative reference before resolving it (WHATWG URL, §4.4). */
    static String browserNormalise(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= 0x20) {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= 0x20) {
            end--;
        }
        var out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            out.append(c == '\\' ? '/' : c);
        }
        return out.toString();
    }

    /**
     * An absolute path, not scheme-relative ({@code //host}), with no empty or dot segment in its path part:
     * the app's own paths never have them, and a browser or proxy collapsing them could land elsewhere.
     */
    private static boolean localPath(String s) {
        if (!s.startsWith("/") || s.startsWith("//")) {
            return false;
        }
        int cut = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '?' || s.charAt(i) == '#') {
                cut = i;
                break;
            }
        }
        String path = s.substring(0, cut);
        if (path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static boolean printableAscii(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static boolean control(int cp) {
        return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
    }

    /** Decodes %XX escapes as UTF-8. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        var bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = c == '%' && i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else { // a broken escape stays as it is, as browsers leave it
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8); // bytes that are not UTF-8 become U+FFFD
    }
}
