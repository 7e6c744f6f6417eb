package id.ihati.videotron.player.playback.display;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The player's only window. Content layers live in {@link #content()}; on top of them one of the other views
 * (pairing, status, black) can cover everything. Methods other than {@link #png()} run on the FX thread.
 */
public final class PlayerWindow {
    private static final Logger log = LoggerFactory.getLogger(PlayerWindow.class);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * What covers the content, if anything. {@code STARTING} is plain black until playback first says what to
     * show: a player restarted mid-plan goes from black straight to its picture, with no start-up text between.
     */
    public enum View { STARTING, CONTENT, PAIRING, STATUS, DARK }

    private final Stage stage;
    private final StackPane content = new StackPane();
    private final StackPane cover = new StackPane();
    private final Rectangle clip = new Rectangle();
    private View view = View.STARTING;
    private final StackPane banner = new StackPane();
    // The pairing code while the player waits to be (re)paired: it covers everything but playing content, over
    // which it shows as a banner (a revoked player keeps playing its stored plan meanwhile).
    private String pairingCode;
    private Instant pairingExpires;
    private ZoneId pairingZone;
    private String status;

    private PlayerWindow(Stage stage) {
        this.stage = stage;
        content.setBackground(Background.fill(Color.BLACK));
        // Cropped content (COVER) must not spill outside the window's own rectangle.
        content.setClip(clip);
        clip.widthProperty().bind(content.widthProperty());
        clip.heightProperty().bind(content.heightProperty());
        cover.setBackground(Background.fill(Color.BLACK));
        banner.setBackground(Background.fill(Color.rgb(10, 30, 60, 0.85)));
        banner.setMaxHeight(Region.USE_PREF_SIZE);
        banner.setVisible(false);
        StackPane.setAlignment(banner, Pos.BOTTOM_CENTER);
        var root = new StackPane(content, cover, banner);
        root.setBackground(Background.fill(Color.BLACK));
        var scene = new Scene(root, Color.BLACK);
        scene.setCursor(Cursor.NONE);
        stage.setScene(scene);
        stage.setTitle("I-Hati Videotron");
    }

    /** Opens the kiosk window at {@code placement}. FX thread only. */
    public static PlayerWindow open(Placement placement) {
        var stage = new Stage(StageStyle.UNDECORATED);
        stage.setAlwaysOnTop(true);
        stage.setResizable(false);
        // An unattended screen has no keyboard user: closing requests are ignored, only the process ends it.
        stage.setOnCloseRequest(e -> e.consume());
        var window = new PlayerWindow(stage);
        window.place(placement);
        window.cover(View.STARTING);
        stage.show();
        return window;
    }

    /** Moves the window to {@code placement}; a no-op when it is already there. */
    public void place(Placement placement) {
        Rectangle2D r = bounds(placement);
        if (stage.getX() == r.getMinX() && stage.getY() == r.getMinY()
                && stage.getWidth() == r.getWidth() && stage.getHeight() == r.getHeight()) {
            return;
        }
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
        log.info("window placed at {}x{}+{}+{}", (int) r.getWidth(), (int) r.getHeight(), (int) r.getMinX(),
                (int) r.getMinY());
    }

    static Rectangle2D bounds(Placement placement) {
        if (placement.area() != null) {
            var a = placement.area();
            return new Rectangle2D(a.x(), a.y(), a.width(), a.height());
        }
        var screens = Screen.getScreens();
        var screen = placement.monitor() < screens.size() ? screens.get(placement.monitor()) : Screen.getPrimary();
        return screen.getBounds();
    }

    /** The pane content layers go into; it fills the window and clips to it. */
    public Pane content() {
        return content;
    }

    public double width() {
        return stage.getScene().getWidth();
    }

    public double height() {
        return stage.getScene().getHeight();
    }

    public Stage stage() {
        return stage;
    }

    public View view() {
        return view;
    }

    /** Uncovers the content. */
    public void showContent() {
        if (view != View.CONTENT) {
            cover.getChildren().clear();
            cover.setVisible(false);
            view = View.CONTENT;
            showPairing();
        }
    }

    /** Covers everything with black: outside operating hours. */
    public void showDark() {
        if (pairingCode != null) {
            if (view != View.PAIRING) {
                showPairing();
            }
        } else if (view != View.DARK) {
            cover(View.DARK);
        }
    }

    /** A short message in Bahasa Indonesia with its English translation below it. */
    public void showStatus(String indonesian, String english) {
        if (pairingCode != null) {
            if (view != View.PAIRING) {
                showPairing();
            }
            return;
        }
        String message = indonesian + "\n" + english;
        if (view == View.STATUS && message.equals(status)) {
            return;
        }
        status = message;
        fill(cover(View.STATUS), List.of(new Line(indonesian, 1 / 9.0, FontWeight.BOLD, Color.WHITE, true),
                new Line(english, 1 / 14.0, FontWeight.NORMAL, Color.gray(0.7), true)));
    }

    /**
     * Shows the pairing code until {@link #endPairing()}: as large as the window allows, with how to use it and
     * when it expires; over playing content, as a banner along the bottom instead.
     */
    public void showPairingCode(String code, Instant expires, ZoneId zone) {
        pairingCode = code;
        pairingExpires = expires;
        pairingZone = zone;
        showPairing();
    }

    /** The player is paired: the code goes away. */
    public void endPairing() {
        if (pairingCode != null) {
            pairingCode = null;
            banner.setVisible(false);
            banner.getChildren().clear();
            if (view == View.PAIRING) {
                showStatus("Terpasang, mengunduh konten…", "Paired, downloading content…");
            }
        }
    }

    private void showPairing() {
        if (pairingCode == null) {
            return;
        }
        double h = Math.max(height(), 100);
        String until = HOUR_MINUTE.format(pairingExpires.atZone(pairingZone));
        String howId = "Masukkan kode ini di halaman layar pada server admin. Berlaku sampai " + until + ".";
        String howEn = "Enter this code on the screen's page of the admin server. Valid until " + until + ".";
        if (view == View.CONTENT) {
            var line = new VBox(text("Kode pemasangan / Pairing code: " + pairingCode, h / 14, FontWeight.BOLD,
                    Color.WHITE), text(howId + " / " + howEn, h / 30, FontWeight.NORMAL, Color.gray(0.8)));
            line.setAlignment(Pos.CENTER);
            banner.getChildren().setAll(line);
            banner.setVisible(true);
            return;
        }
        banner.setVisible(false);
        // The code is one line, as large as the window allows: read from across a crossroads, a code broken over
        // two lines is misread.
        fill(cover(View.PAIRING), List.of(
                new Line("Kode pemasangan / Pairing code", 1 / 14.0, FontWeight.NORMAL, Color.gray(0.8), true),
                new Line(pairingCode, 1 / 3.0, FontWeight.BOLD, Color.WHITE, false),
                new Line(howId, 1 / 20.0, FontWeight.NORMAL, Color.gray(0.8), true),
                new Line(howEn, 1 / 24.0, FontWeight.NORMAL, Color.gray(0.6), true)));
    }

    /**
     * One line of a covering view.
     *
     * @param size its font size as a share of the window's height, before shrinking to fit
     * @param wrap whether it may wrap (between words) at 90 % of the window's width
     */
    private record Line(String text, double size, FontWeight weight, Color color, boolean wrap) {
    }

    /**
     * Puts {@code lines} into {@code box}, all shrunk by one factor until together they fit the window: LED screens
     * are small and oddly shaped (960×480, 192×960), and a message cut off at the edges cannot be read.
     */
    private void fill(VBox box, List<Line> lines) {
        double w = Math.max(width(), 100);
        double h = Math.max(height(), 100);
        List<Node> texts = List.of();
        for (double scale = 1; scale > 0.05; scale *= 0.9) {
            double used = box.getSpacing() * (lines.size() - 1);
            var made = new ArrayList<Node>();
            for (Line line : lines) {
                // Never wider than the window: the whole line where it may not wrap, else its longest word (a
                // word wider than the window would be broken in the middle).
                double widest = 0;
                for (String piece : line.wrap() ? line.text().split("\\s+") : new String[] {line.text()}) {
                    widest = Math.max(widest, text(piece, 100, line.weight(), line.color(), 0)
                            .getLayoutBounds().getWidth());
                }
                double size = Math.min(line.size() * h * scale, 100 * w * 0.9 / Math.max(widest, 1));
                Text t = text(line.text(), size, line.weight(), line.color(), line.wrap() ? w * 0.9 : 0);
                used += t.getLayoutBounds().getHeight();
                made.add(t);
            }
            texts = made;
            if (used <= h * 0.95) {
                break;
            }
        }
        box.getChildren().setAll(texts);
    }

    private VBox cover(View newView) {
        var box = new VBox(Math.max(height(), 100) / 40);
        box.setAlignment(Pos.CENTER);
        cover.getChildren().setAll(box);
        cover.setVisible(true);
        boolean black = newView == View.DARK || newView == View.STARTING;
        cover.setBackground(Background.fill(black ? Color.BLACK : Color.rgb(10, 30, 60)));
        if (newView != view) {
            log.info("showing {}", newView);
        }
        view = newView;
        return box;
    }

    private Node text(String s, double size, FontWeight weight, Color color) {
        return text(s, size, weight, color, Math.max(width(), 100) * 0.9);
    }

    /** A centred text; {@code wrapAt} 0 keeps it on one line. */
    private static Text text(String s, double size, FontWeight weight, Color color, double wrapAt) {
        var t = new Text(s);
        t.setFont(Font.font("SansSerif", weight, size));
        t.setFill(color);
        t.setTextAlignment(TextAlignment.CENTER);
        t.setWrappingWidth(wrapAt);
        return t;
    }

    /** A PNG of what the window shows. Callable from any thread; waits at most 5 s for the FX thread. */
    public byte[] png() {
        if (Platform.isFxApplicationThread()) {
            return encode(stage.getScene().snapshot(null));
        }
        var image = new CompletableFuture<WritableImage>();
        Platform.runLater(() -> {
            try {
                image.complete(stage.getScene().snapshot(null));
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        });
        try {
            return encode(image.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking a screenshot", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not take a screenshot", e);
        }
    }

    private static byte[] encode(WritableImage fx) {
        BufferedImage img = SwingFXUtils.fromFXImage(fx, null);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
