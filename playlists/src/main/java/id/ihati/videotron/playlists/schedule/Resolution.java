package id.ihati.videotron.playlists.schedule;

/** A size in pixels, e.g. a videotron's native LED resolution (often small and oddly shaped, like 960×480). */
public record Resolution(int width, int height) {
    public Resolution {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("resolution must be positive, was " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
