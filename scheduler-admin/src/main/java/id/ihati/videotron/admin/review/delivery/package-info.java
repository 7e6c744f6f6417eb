/**
 * Planned versus delivered: a pure calculation ({@link id.ihati.videotron.admin.review.delivery.DeliveryCalculator})
 * from the resolver's day plans, the proof of play the players reported (already counted per screen, day and
 * booking), the screens' offline intervals and their chain checks, to a {@link
 * id.ihati.videotron.admin.review.delivery.DeliveryReport} with the reasons for every shortfall. The
 * {@link id.ihati.videotron.admin.review.delivery.DeliveryPlanner} turns published schedules into day plans
 * with the playlists resolver, resolving each distinct plan and day once.
 */
package id.ihati.videotron.admin.review.delivery;
