package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.FitMode;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/** An image or a server-rendered slide, decoded in the background before its slot starts. */
final class ImageItem implements Item {
    private final Events events;
    private final ImageView view = new ImageView();
    private final StackPane layer = Item.layerOf(view);
    private boolean ready;
    private boolean startRequested;
    private boolean shown;
    private boolean done;

    ImageItem(Path file, FitMode fit, double areaW, double areaH, Executor decoder, Events events) {
        this.events = events;
        view.setPreserveRatio(false);
        view.setSmooth(true);
        decoder.execute(() -> {
            Image image;
            try {
                image = new Image(file.toUri().toString(), false);   // decodes here, off the FX thread
            } catch (RuntimeException e) {
                Platform.runLater(() -> fail("cannot read image: " + e.getMessage()));
                return;
            }
            Platform.runLater(() -> {
                if (image.isError()) {
                    var ex = image.getException();
                    fail("cannot decode image: " + (ex == null ? "unknown error" : ex.getMessage()));
                    return;
                }
                if (done) {
                    return;
                }
                var size = Fit.of(fit, image.getWidth(), image.getHeight(), areaW, areaH);
                view.setFitWidth(size.width());
                view.setFitHeight(size.height());
                view.setImage(image);
                ready = true;
                events.ready();
                if (startRequested) {
                    show();
                }
            });
        });
    }

    @Override
    public Node layer() {
        return layer;
    }

    @Override
    public void start(LongSupplier offsetMillis) {
        startRequested = true;
        if (ready) {
            Platform.runLater(this::show);
        }
    }

    private void show() {
        if (!done && !shown) {
            shown = true;
            events.firstFrame();
        }
    }

    @Override
    public long motionMillis() {
        return -1;
    }

    private void fail(String error) {
        if (!done) {
            done = true;
            events.failed(error, false);
        }
    }

    @Override
    public void dispose() {
        done = true;
        view.setImage(null);
    }
}
