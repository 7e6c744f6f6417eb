package id.ihati.videotron.player.proof;

/** Receives every play's outcome from playback. */
public interface PlayReporter {

    /** Records the outcome durably: when this returns, the record survives a crash or power loss. */
    void report(PlayOutcome outcome);
}
