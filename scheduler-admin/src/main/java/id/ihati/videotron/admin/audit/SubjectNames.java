package id.ihati.videotron.admin.audit;

import java.util.Optional;

/**
 * What the audit page calls a subject (a screen's, booking's, alert's or media item's name). The features
 * that own the subjects answer it; the audit log itself imports none of them.
 */
@FunctionalInterface
public interface SubjectNames {
    /** The name of subject {@code id}, of the entry's {@code subjectType} ("" when none); empty if unknown. */
    Optional<String> name(String subjectType, String id);
}
