package id.ihati.videotron.player.playback;

import javafx.scene.paint.Color;

/**
 * Tells the pb- test media apart by colour: pb-red (red, green rising with the frame number), pb-blue (blue,
 * likewise), pb-magenta.png; anything else on screen during content is foreign (black is the background).
 */
final class Colours {
    private Colours() {
    }

    static char kind(Color c) {
        double r = c.getRed();
        double g = c.getGreen();
        double b = c.getBlue();
        if (r > 0.7 && b < 0.3) {
            return 'R';
        }
        if (b > 0.7 && r < 0.3) {
            return 'B';
        }
        if (r > 0.7 && b > 0.7 && g < 0.3) {
            return 'M';
        }
        if (r < 0.1 && g < 0.1 && b < 0.1) {
            return 'K';
        }
        return '?';
    }

    /** The frame number encoded in a pb- video's green channel (3 levels a frame). */
    static int frame(Color c) {
        return (int) Math.round(c.getGreen() * 255 / 3.0);
    }
}
