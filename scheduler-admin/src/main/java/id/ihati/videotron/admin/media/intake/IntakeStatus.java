package id.ihati.videotron.admin.media.intake;

import java.util.List;

/**
 * A video's intake as pages and the JSON API show it.
 *
 * @param converts      whether the upload is converted (else only poster and strip are made)
 * @param percent       0–100, from ffmpeg's progress
 * @param failure       why the conversion failed, Indonesian; {@code failureEn} English; both {@code null} unless FAILED
 * @param posterUrl     the poster frame, {@code null} until made
 */
public record IntakeStatus(String mediaId, IntakeState state, boolean converts, List<String> reasons, int percent,
                           String failure, String failureEn, String posterUrl, String stripUrl) {

    /** Whether the item may be approved: nothing to convert, or converted. */
    public boolean approvable() {
        return !converts || state == IntakeState.DONE;
    }
}
