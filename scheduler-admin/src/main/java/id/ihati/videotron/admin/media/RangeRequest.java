package id.ihati.videotron.admin.media;

import java.util.Locale;

/**
 * What a {@code Range} header asks of a file of a known size, read as RFC 9110 §14 says. Pure: the same header
 * and size always give the same answer, and no header, however long its numbers, throws.
 *
 * <p>Jetty 12.1's {@code ByteRange.parse} was tried first: it answers an empty list both for a malformed header
 * and for an unsatisfiable one, and drops {@code bytes=0-18446744073709551616} instead of clipping it, so it
 * cannot tell 200 from 416 from 206 as the RFC asks.
 */
sealed interface RangeRequest {
    /** The whole file, 200: no header, another unit, several ranges, or a header that is not valid. */
    record Whole() implements RangeRequest {
    }

    /** Bytes {@code first} to {@code last} inclusive, 206; always within the file. */
    record Part(long first, long last) implements RangeRequest {
        public long length() {
            return last - first + 1;
        }
    }

    /** 416: the range starts at or past the end of the file (or asks for an empty suffix). */
    record Unsatisfiable() implements RangeRequest {
    }

    /**
     * @param header the {@code Range} header, or {@code null}
     * @param size   the file's length in bytes
     */
    static RangeRequest of(String header, long size) {
        if (header == null) {
            return new Whole();
        }
        String h = header.strip();
        int eq = h.indexOf('=');
        // The unit is case-insensitive (§14.1); an unknown unit is ignored (§14.2).
        if (eq < 0 || !h.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        String spec = h.substring(eq + 1).strip();
        // Several ranges would need a multipart answer; the RFC lets a server send the whole file instead.
        if (spec.indexOf(',') >= 0) {
            return new Whole();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return new Whole();
        }
        String a = spec.substring(0, dash).strip();
        String b = spec.substring(dash + 1).strip();
        long first = digits(a);
        long last = digits(b);
        if (a.isEmpty()) { // a suffix: the last b bytes
            if (last < 0) {
                return new Whole();
            }
            if (last == 0) {
                return new Unsatisfiable();
            }
            // A suffix longer than the file is the whole file (§14.1.1); an empty file has no bytes to send.
            return size == 0 ? new Whole() : new Part(Math.max(0, size - last), size - 1);
        }
        if (first < 0 || (!b.isEmpty() && last < 0) || (!b.isEmpty() && last < first)) {
            return new Whole(); // not a valid range-spec: ignored
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Part(first, b.isEmpty() ? size - 1 : Math.min(last, size - 1));
    }

    /**
     * The value of 1*DIGIT, with numbers past {@code Long.MAX_VALUE} held at it (no file is that long, so the
     * answer is the same); -1 when empty or not only ASCII digits.
     */
    private static long digits(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v > (Long.MAX_VALUE - (c - '0')) / 10 ? Long.MAX_VALUE : v * 10 + (c - '0');
        }
        return v;
    }
}
