package id.ihati.videotron.admin.review.feed;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Which screens are in the open feed ({@code open_feed_screen}), and their public slugs. */
public final class FeedRepository {
    private final Jdbi jdbi;

    /** A screen opened to the feed: by whom and when (shown to staff only). */
    public record FeedScreen(String screenId, String slug, String enabledBy, Instant enabledAt) {
    }

    public FeedRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<FeedScreen> all() {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT screen_id, slug, enabled_by, enabled_at FROM open_feed_screen ORDER BY slug")
                .map((rs, ctx) -> new FeedScreen(rs.getString("screen_id"), rs.getString("slug"),
                        rs.getString("enabled_by"), rs.getTimestamp("enabled_at").toInstant()))
                .list());
    }

    public Optional<String> screenIdForSlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT screen_id FROM open_feed_screen WHERE slug = :s")
                .bind("s", slug).mapTo(String.class).findOne());
    }

    /** Opens a screen to the feed under a slug made from its name; returns the slug. */
    public String enable(Handle h, String screenId, String screenName, String actor, Instant now) {
        // Two enables of one screen at once would both insert: the screen's row lock lets the second see the first.
        h.createQuery("SELECT id FROM screen WHERE id = :id FOR UPDATE").bind("id", screenId).mapTo(String.class)
                .findOne();
        Optional<String> existing = h.createQuery("SELECT slug FROM open_feed_screen WHERE screen_id = :id")
                .bind("id", screenId).mapTo(String.class).findOne();
        if (existing.isPresent()) {
            return existing.get();
        }
        String base = slug(screenName);
        String slug = base;
        for (int i = 2; h.createQuery("SELECT COUNT(*) FROM open_feed_screen WHERE slug = :s").bind("s", slug)
                .mapTo(Integer.class).one() > 0; i++) {
            slug = base + "-" + i;
        }
        h.createUpdate("""
                        INSERT INTO open_feed_screen (screen_id, slug, enabled_by, enabled_at)
                        VALUES (:id, :slug, :by, :at)""")
                .bind("id", screenId).bind("slug", slug).bind("by", actor).bind("at", Timestamp.from(now)).execute();
        return slug;
    }

    /** Takes a screen out of the feed; false when it was not in it. */
    public boolean disable(Handle h, String screenId) {
        return h.createUpdate("DELETE FROM open_feed_screen WHERE screen_id = :id").bind("id", screenId).execute() > 0;
    }

    /** "Videotron Simpang Tiga (Cilegon)" → "videotron-simpang-tiga-cilegon". */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "layar" : s;
    }
}
