package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.web.BidiControls;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Category;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What staff say about an item: title, owner organisation, category, topic tags, validity and, for images and
 * slides, how long it is shown.
 *
 * @param validFrom  first instant it may play, or {@code null}
 * @param validUntil instant it stops playing (exclusive), or {@code null}
 */
public record Metadata(String title, String owner, Category category, List<String> tags, Instant validFrom,
                       Instant validUntil, int displaySeconds) {
    public static final int DEFAULT_DISPLAY_SECONDS = 15;
    public static final int MIN_DISPLAY_SECONDS = 3;
    public static final int MAX_DISPLAY_SECONDS = 300;
    public static final int MAX_TAGS = 10;
    /** Validity is entered and shown in the city's time, WIB. */
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}-]{0,29}");

    public Metadata {
        tags = List.copyOf(tags);
    }

    /**
     * Reads the form fields {@code title, owner, category, tags, validFrom, validUntil, displaySeconds}
     * (times as {@code yyyy-MM-ddTHH:mm} in WIB); every problem is reported on its field.
     *
     * @param defaultTitle used when the title is blank (the file name of an upload), or {@code null}
     */
    public static Metadata parse(Map<String, String> f, String defaultTitle, String defaultOwner, Instant now) {
        var p = new ArrayList<Problem>();
        String title = blankToNull(f.get("title"));
        if (title == null) {
            title = defaultTitle;
        }
        if (title == null) {
            p.add(Problem.of("title", "media.titleRequired"));
        } else if (title.length() > 200) {
            p.add(Problem.of("title", "media.tooLong", 200));
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            p.add(Problem.of("title", "media.controlChars"));
        } else {
            BidiControls.refuse("title", title, p);
        }
        String owner = blankToNull(f.get("owner"));
        if (owner == null) {
            owner = defaultOwner;
        }
        if (owner == null || owner.isBlank()) {
            p.add(Problem.of("owner", "media.ownerRequired"));
        } else if (owner.length() > 200) {
            p.add(Problem.of("owner", "media.tooLong", 200));
        } else if (owner.chars().anyMatch(Character::isISOControl)) {
            p.add(Problem.of("owner", "media.controlChars"));
        } else {
            BidiControls.refuse("owner", owner, p);
        }
        Category category = null;
        String c = blankToNull(f.get("category"));
        if (c == null) {
            p.add(Problem.of("category", "media.categoryRequired"));
        } else {
            try {
                category = Category.valueOf(c.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                category = null;
            }
            if (category != Category.HEALTH && category != Category.CITY) {
                p.add(Problem.of("category", "media.categoryRequired"));
                category = null;
            }
        }
        var tags = new LinkedHashSet<String>();
        String rawTags = f.get("tags");
        if (rawTags != null) {
            for (String t : rawTags.split(",")) {
                String tag = t.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
                if (tag.isEmpty()) {
                    continue;
                }
                if (!TAG.matcher(tag).matches()) {
                    p.add(Problem.of("tags", "media.tagInvalid", t.strip()));
                } else {
                    tags.add(tag);
                }
            }
        }
        if (tags.size() > MAX_TAGS) {
            p.add(Problem.of("tags", "media.tooManyTags", MAX_TAGS));
        }
        Instant from = wib(f.get("validFrom"), "validFrom", p);
        Instant until = wib(f.get("validUntil"), "validUntil", p);
        if (from != null && until != null && !until.isAfter(from)) {
            p.add(Problem.of("validUntil", "media.untilBeforeFrom"));
        } else if (until != null && !until.isAfter(now)) {
            p.add(Problem.of("validUntil", "media.untilPast"));
        }
        int seconds = DEFAULT_DISPLAY_SECONDS;
        String s = blankToNull(f.get("displaySeconds"));
        if (s != null) {
            try {
                seconds = Integer.parseInt(s);
                if (seconds < MIN_DISPLAY_SECONDS || seconds > MAX_DISPLAY_SECONDS) {
                    p.add(Problem.of("displaySeconds", "media.displaySeconds", MIN_DISPLAY_SECONDS,
                            MAX_DISPLAY_SECONDS));
                }
            } catch (NumberFormatException e) {
                p.add(Problem.of("displaySeconds", "media.displaySeconds", MIN_DISPLAY_SECONDS, MAX_DISPLAY_SECONDS));
            }
        }
        if (!p.isEmpty()) {
            throw new ValidationException(p);
        }
        return new Metadata(title, owner, category, List.copyOf(tags), from, until, seconds);
    }

    /** A {@code datetime-local} value in WIB, for a form field. */
    public static String wibInput(Instant t) {
        return t == null ? "" : LocalDateTime.ofInstant(t, WIB).withSecond(0).withNano(0).toString();
    }

    private static Instant wib(String value, String field, List<Problem> p) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(WIB).toInstant();
        } catch (DateTimeParseException e) {
            p.add(Problem.of(field, "media.dateTime"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
