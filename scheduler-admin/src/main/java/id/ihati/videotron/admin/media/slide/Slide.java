package id.ihati.videotron.admin.media.slide;

import id.ihati.videotron.admin.web.BidiControls;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a slide says and how it looks.
 *
 * @param title      the headline, shown large
 * @param text       the body; line breaks are kept; may be empty
 * @param background colour as {@code #rrggbb}
 * @param foreground text colour as {@code #rrggbb}
 * @param qrUrl      an http(s) link shown as a QR code, or {@code null}
 */
public record Slide(String title, String text, String background, String foreground, String qrUrl) {
    public static final int MAX_TITLE = 80;
    public static final int MAX_TEXT = 400;
    public static final int MAX_URL = 300;
    /** WCAG AA for normal text; LED screens in daylight need at least that. */
    public static final double MIN_CONTRAST = 4.5;
    private static final Pattern HEX = Pattern.compile("#[0-9a-f]{6}");

    /** Colour pairs that read well on an LED screen in daylight. */
    public enum Palette {
        HEALTH_GREEN("#1b5e20", "#ffffff"),
        CITY_BLUE("#0d47a1", "#ffffff"),
        ALERT_RED("#b71c1c", "#ffffff"),
        YELLOW_ON_BLACK("#000000", "#ffeb3b"),
        BLACK_ON_YELLOW("#ffd600", "#000000"),
        BLACK_ON_WHITE("#ffffff", "#111111");

        public final String background;
        public final String foreground;

        Palette(String background, String foreground) {
            this.background = background;
            this.foreground = foreground;
        }
    }

    public Slide {
        List<Problem> problems = problems(title, text, background, foreground, qrUrl);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).messageEn());
        }
        text = text == null ? "" : text;
    }

    /**
     * A slide from form input (trimmed, colours lower-cased, empty link dropped), or every problem with it on
     * its field: {@code title}, {@code text}, {@code background}, {@code foreground}, {@code qrUrl}.
     */
    public static Slide parse(String title, String text, String background, String foreground, String qrUrl) {
        String t = title == null ? null : title.strip();
        String body = text == null ? "" : text.replace("\r\n", "\n").strip();
        String bg = background == null ? null : background.strip().toLowerCase(Locale.ROOT);
        String fg = foreground == null ? null : foreground.strip().toLowerCase(Locale.ROOT);
        String qr = qrUrl == null || qrUrl.isBlank() ? null : qrUrl.strip();
        List<Problem> problems = problems(t, body, bg, fg, qr);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Slide(t, body, bg, fg, qr);
    }

    private static List<Problem> problems(String title, String text, String bg, String fg, String qr) {
        var p = new ArrayList<Problem>();
        if (title == null || title.isBlank()) {
            p.add(Problem.of("title", "slide.titleRequired"));
        } else if (title.length() > MAX_TITLE) {
            p.add(Problem.of("title", "slide.titleTooLong", MAX_TITLE));
        } else if (hasControl(title, false)) {
            p.add(Problem.of("title", "slide.controlChars"));
        } else {
            BidiControls.refuse("title", title, p);
        }
        if (text != null && text.length() > MAX_TEXT) {
            p.add(Problem.of("text", "slide.textTooLong", MAX_TEXT));
        } else if (text != null && hasControl(text, true)) {
            p.add(Problem.of("text", "slide.controlChars"));
        }
        boolean colours = true;
        if (bg == null || !HEX.matcher(bg).matches()) {
            p.add(Problem.of("background", "slide.colour"));
            colours = false;
        }
        if (fg == null || !HEX.matcher(fg).matches()) {
            p.add(Problem.of("foreground", "slide.colour"));
            colours = false;
        }
        if (colours) {
            double ratio = contrast(bg, fg);
            if (ratio < MIN_CONTRAST) {
                p.add(Problem.of("foreground", "slide.contrast",
                        String.format(Locale.ROOT, "%.1f", ratio), MIN_CONTRAST));
            }
        }
        if (qr != null) {
            String why = urlProblem(qr);
            if (why != null) {
                p.add(Problem.of("qrUrl", why, MAX_URL));
            }
        }
        return p;
    }

    /** The message key of what is wrong with a QR link, or {@code null} when it is a plain http(s) URL. */
    static String urlProblem(String url) {
        if (url.length() > MAX_URL) {
            return "slide.urlTooLong";
        }
        if (hasControl(url, false) || url.chars().anyMatch(Character::isWhitespace)) {
            return "slide.url";
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null
                    || u.getHost().isBlank() || u.getUserInfo() != null) {
                return "slide.url";
            }
        } catch (URISyntaxException e) {
            return "slide.url";
        }
        return null;
    }

    private static boolean hasControl(String s, boolean newlinesOk) {
        return s.chars().anyMatch(c -> Character.isISOControl(c) && !(newlinesOk && c == '\n'));
    }

    /** WCAG contrast ratio of two {@code #rrggbb} colours, 1–21. */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int v) {
        double c = (v & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
