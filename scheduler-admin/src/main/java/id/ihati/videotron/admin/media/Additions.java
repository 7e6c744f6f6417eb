package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Category;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What adding an item means whatever its kind (an upload or a slide): who may, its metadata, its new id. */
final class Additions {
    private static final Pattern ID = Pattern.compile("m-[a-z0-9]{10}");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Additions() {
    }

    static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    static String newId() {
        var sb = new StringBuilder("m-");
        for (int i = 0; i < 10; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    static void requireCanAdd(User actor) {
        if (!MediaRules.canAdd(actor)) {
            throw Refusals.forbidden("error.forbidden");
        }
    }

    /** Whether the form asked to approve at once and the actor may decide on the category. */
    static boolean approveNow(User actor, Map<String, String> fields, Category category) {
        return "true".equals(fields.get("approveNow")) && MediaRules.canDecide(actor, category);
    }

    /** The metadata, or {@code null} with its problems added, so a form shows every problem at once. */
    static Metadata metadataOrProblems(User actor, Map<String, String> fields, String defaultTitle, Instant now,
                                       List<Problem> problems) {
        try {
            Metadata meta = Metadata.parse(fields, defaultTitle, actor.organisation(), now);
            checkCategory(actor, meta.category(), problems);
            return meta;
        } catch (ValidationException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    private static void checkCategory(User actor, Category category, List<Problem> problems) {
        if (category != null && !MediaRules.categoriesFor(actor.role()).contains(category)) {
            problems.add(Problem.of("category", "media.categoryNotAllowed"));
        }
    }

    /** Metadata as the form fields {@link Metadata#parse} reads, for seeding and for filling an edit form. */
    static Map<String, String> fieldsOf(Metadata meta, boolean approveNow) {
        var f = new HashMap<String, String>();
        f.put("title", meta.title());
        f.put("owner", meta.owner());
        f.put("category", meta.category().name());
        f.put("tags", String.join(",", meta.tags()));
        f.put("validFrom", Metadata.wibInput(meta.validFrom()));
        f.put("validUntil", Metadata.wibInput(meta.validUntil()));
        f.put("displaySeconds", Integer.toString(meta.displaySeconds()));
        f.put("approveNow", Boolean.toString(approveNow));
        return f;
    }
}
