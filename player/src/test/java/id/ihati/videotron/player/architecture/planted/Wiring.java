package id.ihati.videotron.player.architecture.planted;

/** Planted: the composition root (like the player's Main), which every feature may be wired by but none may use. */
public final class Wiring {
    public static final String VERSION = "0";

    private Wiring() {
    }
}
