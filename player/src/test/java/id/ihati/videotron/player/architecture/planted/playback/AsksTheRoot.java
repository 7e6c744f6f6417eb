package id.ihati.videotron.player.architecture.planted.playback;

import id.ihati.videotron.player.architecture.planted.Wiring;

/** Planted: a feature reading the composition root. */
public final class AsksTheRoot {
    public String version() {
        return Wiring.VERSION + System.identityHashCode(Wiring.class);
    }
}
