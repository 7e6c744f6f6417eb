package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.FitMode;

/**
 * The size a picture of {@code w×h} is drawn at inside an area of {@code areaW×areaH} for a fit mode. The
 * picture is centred; with COVER it is larger than the area and the window's clip crops it.
 */
record Fit(double width, double height) {

    static Fit of(FitMode mode, double w, double h, double areaW, double areaH) {
        if (w <= 0 || h <= 0) {
            return new Fit(areaW, areaH);
        }
        return switch (mode) {
            case STRETCH -> new Fit(areaW, areaH);
            case CONTAIN -> scaled(w, h, Math.min(areaW / w, areaH / h));
            case COVER -> scaled(w, h, Math.max(areaW / w, areaH / h));
        };
    }

    private static Fit scaled(double w, double h, double scale) {
        return new Fit(w * scale, h * scale);
    }
}
