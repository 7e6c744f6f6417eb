package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Resolution;

/**
 * How an item of one shape appears on a panel of another, as the player fits it (pure). A 1080×1920 phone clip
 * fills about 28 % of a letterboxing 960×480 panel, or loses most of itself on a cropping one: both are
 * warned about before anyone books it.
 *
 * @param coverage share of the panel the picture covers (1 when cropped or stretched)
 * @param cropped  share of the picture cut off (0 when letterboxed or stretched)
 * @param box      where the picture lies, in percent of the panel (left, top, width, height; may exceed 0–100
 *                 when cropped), for drawing the preview
 */
public record FitPreview(String screen, Resolution panel, FitMode fit, double coverage, double cropped, Box box) {
    /** Below this share of the panel the content looks lost on the street. */
    public static final double MIN_COVERAGE = 0.60;
    /** Above this share cut off, faces and text at the edges are lost. */
    public static final double MAX_CROPPED = 0.20;

    public record Box(double left, double top, double width, double height) {
    }

    public static FitPreview of(Resolution content, Panel panel) {
        double w = content.width();
        double h = content.height();
        double pw = panel.size().width();
        double ph = panel.size().height();
        double sx = pw / w;
        double sy = ph / h;
        return switch (panel.fit()) {
            case CONTAIN -> {
                double s = Math.min(sx, sy);
                double bw = w * s / pw;
                double bh = h * s / ph;
                yield new FitPreview(panel.name(), panel.size(), panel.fit(), bw * bh, 0, box(bw, bh));
            }
            case COVER -> {
                double s = Math.max(sx, sy);
                double bw = w * s / pw;
                double bh = h * s / ph;
                yield new FitPreview(panel.name(), panel.size(), panel.fit(), 1, 1 - 1 / (bw * bh), box(bw, bh));
            }
            case STRETCH -> new FitPreview(panel.name(), panel.size(), panel.fit(), 1, 0, box(1, 1));
        };
    }

    private static Box box(double bw, double bh) {
        return new Box((1 - bw) * 50, (1 - bh) * 50, bw * 100, bh * 100);
    }

    public boolean warnSmall() {
        return coverage < MIN_COVERAGE - 1e-9;
    }

    public boolean warnCropped() {
        return cropped > MAX_CROPPED + 1e-9;
    }

    public int coveragePercent() {
        return (int) Math.round(coverage * 100);
    }

    public int croppedPercent() {
        return (int) Math.round(cropped * 100);
    }
}
