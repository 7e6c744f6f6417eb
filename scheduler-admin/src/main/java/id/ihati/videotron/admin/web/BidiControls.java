package id.ihati.videotron.admin.web;

import java.util.List;

/**
 * The invisible characters that reorder text around them: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the marks U+200E, U+200F and U+061C. In a name they only disguise it: "evil", U+202E,
 * "gnp.exe" shows as "evilexe.png", a program that looks like a picture.
 *
 * <p>Refused, not isolated: a name is shown in pages, but also in CSV and PDF exports, iCalendar feeds, logs,
 * slides rendered for the LED walls and the players' own screens, and isolating it in every one of them is a
 * promise no single place can keep. Arabic or Hebrew text needs none of them (the Unicode bidi algorithm orders
 * it by itself), so refusing loses no real name, and the person typing it gets a clear message instead.
 */
public final class BidiControls {
    private BidiControls() {
    }

    public static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    public static boolean in(String s) {
        return s != null && s.codePoints().anyMatch(BidiControls::isBidiControl);
    }

    /** Adds the refusal for {@code field} when {@code value} holds one; true if it did. */
    public static boolean refuse(String field, String value, List<Problem> problems) {
        if (in(value)) {
            problems.add(Problem.of(field, "text.bidiControls"));
            return true;
        }
        return false;
    }
}
