package id.ihati.videotron.admin.media.intake;

/** Where a video is in the intake. */
public enum IntakeState {
    QUEUED, RUNNING, DONE, FAILED
}
