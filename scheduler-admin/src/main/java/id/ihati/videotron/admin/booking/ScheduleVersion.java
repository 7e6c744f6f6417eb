package id.ihati.videotron.admin.booking;

import java.time.Instant;

/**
 * One published schedule version. Immutable: a rollback makes a new version equal to an old one.
 *
 * @param rollbackOf         the version this one restored, or {@code null} for an ordinary publish
 * @param displacementReason why the publisher took plays from other organisations' bookings, or {@code null}
 *                           when it took none ({@link Displacement})
 */
public record ScheduleVersion(long version, Instant publishedAt, String publishedBy, String note, Long rollbackOf,
                              Snapshot snapshot, String displacementReason) {
}
