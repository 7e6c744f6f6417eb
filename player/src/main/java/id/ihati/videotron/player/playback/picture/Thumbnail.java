package id.ihati.videotron.player.playback.picture;

import java.util.Arrays;

/**
 * A few pixels of the window in grey (luma 0–255 each), enough to tell black from not and one video frame from
 * the next, small enough to keep half a minute of them.
 */
public final class Thumbnail {
    /** No pixel brighter than this is black (video black is 16 of 255 in TV range; some encoders give ~20). */
    static final int BLACK_AT_MOST = 24;
    /** Two pictures whose pixels differ by at most this are the same picture (the same frame decodes alike). */
    static final int SAME_WITHIN = 1;

    private final int[] luma;

    private Thumbnail(int[] luma) {
        this.luma = luma;
    }

    /** From ARGB pixels, e.g. those read from the screen. */
    public static Thumbnail ofArgb(int[] argb) {
        int[] l = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            l[i] = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000;
        }
        return new Thumbnail(l);
    }

    /** Every pixel at one grey level, for tests. */
    public static Thumbnail flat(int level, int pixels) {
        int[] l = new int[pixels];
        Arrays.fill(l, level);
        return new Thumbnail(l);
    }

    public boolean black() {
        return Arrays.stream(luma).allMatch(v -> v <= BLACK_AT_MOST);
    }

    public boolean sameAs(Thumbnail other) {
        if (other.luma.length != luma.length) {
            return false;
        }
        for (int i = 0; i < luma.length; i++) {
            if (Math.abs(luma[i] - other.luma[i]) > SAME_WITHIN) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Thumbnail[" + luma.length + " px, mean " + Arrays.stream(luma).average().orElse(0) + "]";
    }
}
