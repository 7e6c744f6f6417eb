package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Resolution;

/** A screen as the intake needs it: its pixel size and how it fits content of another shape. */
public record Panel(String name, Resolution size, FitMode fit) {
}
