package id.ihati.videotron.admin.audit;

import id.ihati.videotron.admin.web.Messages;
import id.ihati.videotron.admin.web.PageContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log in the reader's words: action codes ({@code SCHEDULE_PUBLISH}, {@code media.approve}) and subject
 * types translated, and the ids of bookings, alerts and media replaced by the titles people know. The log itself
 * keeps the codes and ids (it is the record); only the page translates them.
 */
public final class AuditText {
    /** The id shapes of bookings ({@code bk-…}), alerts ({@code al-…}) and media ({@code m-…}). */
    public static final Pattern ID = Pattern.compile("\\b(?:bk|al)-[0-9a-f]{8}\\b|\\bm-[a-z2-9]{10}\\b");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z]+(?:_[A-Z]+)*\\b");
    private static final List<String> CODE_KEYS = List.of("role.", "media.kind.", "media.status.",
            "booking.status.");

    private AuditText() {
    }

    /** "Jadwal diterbitkan" for SCHEDULE_PUBLISH; a code without a text yet is shown as it is. */
    public static String action(PageContext p, String code) {
        return Messages.find(p.locale(), "audit.code." + code).orElse(code);
    }

    /** "Pemesanan “Imunisasi Anak”", "Layar Videotron Alun-Alun", "Versi jadwal 3". */
    public static String subject(PageContext p, String type, String id, Map<String, String> names) {
        if (type == null) {
            return "";
        }
        String kind = Messages.find(p.locale(), "audit.type." + type).orElse(type);
        if (id == null) {
            return kind;
        }
        String name = names.get(id);
        return kind + " " + (name != null ? "“" + name + "”" : ID.matcher(id).matches()
                ? p.t("audit.deleted") : id);
    }

    /**
     * An entry's detail for the reader. {@code text} is what the page shows in the reader's language: the detail in
     * words for the shapes the application records, or the people's own text (a title, a reason, a note) as they
     * typed it. {@code technical} is a recorded detail that has no words yet (a screen's settings, a user's
     * changes): the page keeps it folded away as a technical note, out of the running text.
     */
    public record Detail(String text, String technical) {
    }

    private record Rule(Pattern pattern, String key) {
    }

    /** The detail shapes the application records, and the text for each ({@code audit.detail.*}). */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("on upload"), "audit.detail.onUpload"),
            new Rule(Pattern.compile("on creation"), "audit.detail.onCreation"),
            new Rule(Pattern.compile("first start"), "audit.detail.firstStart"),
            new Rule(Pattern.compile("demo"), "audit.detail.demo"),
            new Rule(Pattern.compile("id"), "audit.detail.languageId"),
            new Rule(Pattern.compile("en"), "audit.detail.languageEn"),
            new Rule(Pattern.compile("comment (\\d+)"), "audit.detail.comment"),
            new Rule(Pattern.compile("comment (\\d+) answering (\\d+)"), "audit.detail.answer"),
            new Rule(Pattern.compile("code (\\w+)"), "audit.detail.code"),
            new Rule(Pattern.compile("code (\\w+), claimed by (.+)"), "audit.detail.codeClaimed"),
            new Rule(Pattern.compile("(\\d+) token\\(s\\)"), "audit.detail.tokens"),
            new Rule(Pattern.compile("slug (.+)"), "audit.detail.slug"),
            new Rule(Pattern.compile("(\\d+) booking\\(s\\) ended, (\\d+) started, (\\d+) alert change\\(s\\)"),
                    "audit.detail.boundary"),
            new Rule(Pattern.compile("role=(\\w+), organisation=(.*)"), "audit.detail.newUser"),
            new Rule(Pattern.compile("(\\w+) [0-9a-f]{64} (\\d+) bytes, (\".*\")(?:, video-only copy [0-9a-f]{64})?"),
                    "audit.detail.upload"),
            new Rule(Pattern.compile("(\\d+) files: .*"), "audit.detail.purge"),
            new Rule(Pattern.compile("rollback to (\\d+): (.*)"), "audit.detail.rollback"),
            new Rule(Pattern.compile("rollback to (\\d+):\\s*"), "audit.detail.rollbackPlain"),
            new Rule(Pattern.compile("(\".*\"), back to (\\w+)"), "audit.detail.backTo"),
            new Rule(Pattern.compile("(\\w+) (\".*\")"), "audit.detail.kindTitle"),
            new Rule(Pattern.compile("(\".*\")"), "audit.detail.title"),
            new Rule(Pattern.compile("(\".*\") QR (\\S+)"), "audit.detail.titleQr"),
            new Rule(Pattern.compile("(PUBLISHED|WITHDRAWN|ARCHIVED|DRAFT|ENDED)"), "audit.detail.status"));

    /** Actions whose detail is the people's own text (a title, a reason, a note, an address): shown as typed. */
    private static final java.util.Set<String> OWN_TEXT = java.util.Set.of("BOOKING_CREATE", "BOOKING_UPDATE",
            "ALERT_RAISE", "SCHEDULE_PUBLISH", "media.reject", "LOGIN");

    public static Detail detail(PageContext p, String action, String detail, Map<String, String> names) {
        if (detail == null || detail.isBlank()) {
            return new Detail("", null);
        }
        String named = ID.matcher(detail).replaceAll(m -> Matcher.quoteReplacement(
                names.containsKey(m.group()) ? "“" + names.get(m.group()) + "”" : p.t("audit.deleted")));
        if (OWN_TEXT.contains(action)) {
            return new Detail(named, null);
        }
        // Later rules are the more specific ones (a rollback without a note): they are tried first.
        for (int i = RULES.size() - 1; i >= 0; i--) {
            Matcher m = RULES.get(i).pattern().matcher(named);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int g = 1; g <= m.groupCount(); g++) {
                    String v = m.group(g);
                    // Counts are numbers in the reader's format; a pairing code is a code, digits or not.
                    boolean count = v != null && v.matches("\\d{1,15}")
                            && !RULES.get(i).key().startsWith("audit.detail.code");
                    args[g - 1] = v == null ? "" : count ? (Object) Long.parseLong(v) : code(p, v);
                }
                return new Detail(p.t(RULES.get(i).key(), args), null);
            }
        }
        // An approval's reason is the decider's own text; other details without words are technical notes.
        return action.equals("media.approve") ? new Detail(named, null) : new Detail("", named);
    }

    /** A role, kind or status code in words; anything else as it is. */
    private static String code(PageContext p, String v) {
        if (!CODE.matcher(v).matches()) {
            return v;
        }
        return CODE_KEYS.stream().map(k -> Messages.find(p.locale(), k + v)).flatMap(java.util.Optional::stream)
                .findFirst().orElse(v);
    }
}
