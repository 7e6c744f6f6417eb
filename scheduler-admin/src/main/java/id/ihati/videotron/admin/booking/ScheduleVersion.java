package id.ihati.videotron.admin.booking;

import java.time.Instant;

/**
 * One published schedule version. Immutable: a rollback makes a new version equal to an old one.
 *
 * @param rollbackOf the version this one restored, or {@code null} for an ordinary publish
 */
public record ScheduleVersion(long version, Instant publishedAt, String publishedBy, String note, Long rollbackOf,
                              Snapshot snapshot) {
}
