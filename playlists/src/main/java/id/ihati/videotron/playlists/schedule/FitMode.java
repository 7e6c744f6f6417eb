package id.ihati.videotron.playlists.schedule;

/** How content whose aspect ratio differs from the screen's is fitted to it. */
public enum FitMode {
    /** Whole picture visible, black bars where the ratios differ. */
    CONTAIN,
    /** Screen filled, the picture cropped where the ratios differ. */
    COVER,
    /** Screen filled, the picture distorted. */
    STRETCH
}
