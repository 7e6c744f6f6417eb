package id.ihati.videotron.admin.player;

/** Tells connected players that something changed; the player API implements it over server-sent events. */
public interface PlayerEvents {

    /** The published schedule, an alert, a screen or a media item changed: every affected manifest is stale. */
    void scheduleChanged();

    /** Asks one screen's player for a screenshot now. */
    void requestScreenshot(String screenId);
}
