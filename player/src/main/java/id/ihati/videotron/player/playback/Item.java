package id.ihati.videotron.player.playback;

import java.util.function.LongSupplier;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * One media file made ready to show: a layer to put in the window, started when its slot comes. Everything
 * here runs on the FX thread; events arrive there too, never from inside the call that caused them.
 */
sealed interface Item permits VideoItem, ImageItem {

    /** What an item tells the engine. */
    interface Events {
        /** Decoded and ready to start at once. */
        void ready();

        /** Its first picture is decoded, so its layer can be uncovered without showing anything else. */
        void firstFrame();

        /** It cannot play. {@code audioDevice} is true when only the sound output failed. */
        void failed(String error, boolean audioDevice);
    }

    /**
     * The layer to put into the window. It is transparent except for the picture: a video that has not yet drawn
     * its first frame draws nothing, so the item beneath it stays visible instead of a black frame.
     */
    Node layer();

    /**
     * Starts showing as soon as it is ready. A video starts {@code offsetMillis} into the file, asked at the
     * moment it really starts (opening a file can take a while when it was not prepared ahead); pictures ignore it.
     */
    void start(LongSupplier offsetMillis);

    /**
     * For the watchdog: the playback position in milliseconds while a moving picture is expected, or -1 when the
     * picture is rightly still (an image, a video not started yet or at its end).
     */
    long motionMillis();

    /** Frees the decoder and the picture. Safe to call more than once. */
    void dispose();

    /** A transparent layer holding {@code node} centred; it never grows past the window. */
    static StackPane layerOf(Node node) {
        var layer = new StackPane(node);
        layer.setMinSize(0, 0);
        return layer;
    }
}
