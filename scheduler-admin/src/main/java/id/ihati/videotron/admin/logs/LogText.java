package id.ihati.videotron.admin.logs;

import id.ihati.videotron.admin.web.BidiControls;

/** What a log line may contain of untrusted text. */
public final class LogText {
    private LogText() {
    }

    /**
     * {@code s} with every character that could start a forged line or hide text made visible: CR, LF and tab
     * as {@code \r \n \t}, other C0/C1 controls, DEL, U+2028/U+2029 and bidi controls as {@code \\uXXXX}.
     * Everything else, backslashes included, is kept as it is so ordinary messages read unchanged.
     */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        var out = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || BidiControls.isBidiControl(c);
    }
}
