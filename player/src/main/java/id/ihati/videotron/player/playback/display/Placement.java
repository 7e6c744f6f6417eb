package id.ihati.videotron.player.playback.display;

import id.ihati.videotron.playlists.schedule.OutputArea;

/**
 * Where the window goes: exactly at {@code area} (desktop pixels) when it is set, otherwise over the whole of
 * monitor number {@code monitor} (0 is the primary; a number past the last monitor means the primary).
 */
public record Placement(OutputArea area, int monitor) {
    public Placement {
        if (monitor < 0) {
            throw new IllegalArgumentException("monitor number must be 0 or more, was " + monitor);
        }
    }

    public static Placement area(OutputArea area) {
        return new Placement(area, 0);
    }

    public static Placement monitor(int monitor) {
        return new Placement(null, monitor);
    }
}
