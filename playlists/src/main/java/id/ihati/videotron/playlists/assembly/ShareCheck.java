package id.ihati.videotron.playlists.assembly;

import id.ihati.videotron.playlists.schedule.Category;

/**
 * A screen's minimum share of a category (e.g. HEALTH ≥ 40 %) on a day, and whether it holds.
 *
 * @param percent   the category's share of the day's playing time, rounded
 * @param satisfied every play the category's bookings asked for is planned (the reserve is only kept while
 *                  they want it, so a category that gets all it asks for is served even below its share)
 * @param holds     {@code percent >= minPercent} or {@code satisfied}
 */
public record ShareCheck(Category category, int minPercent, int percent, boolean satisfied, boolean holds) {
}
