package id.ihati.videotron.playlists.schedule;

/**
 * The rectangle of the PC desktop that the LED sending card reads, in desktop pixels. The player draws its
 * window exactly there.
 */
public record OutputArea(int x, int y, int width, int height) {
    public OutputArea {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("output area must have a positive size, was " + width + "x" + height);
        }
    }
}
