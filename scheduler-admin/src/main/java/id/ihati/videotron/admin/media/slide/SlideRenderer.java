package id.ihati.videotron.admin.media.slide;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Renders a slide with Java2D at a given pixel size. Pure: the same slide and size give the same pixels.
 *
 * <p>Layout: a margin of 6 % of the short side; the QR code (if any) on a white square at the right (or at the
 * bottom of a portrait screen) with whole pixels per module so it stays sharp; the title and text wrapped
 * into the rest at the largest size that fits, centred. Words longer than a line are broken between
 * letters. If the text cannot fit even at the smallest size, the last line ends with "…".
 */
public final class SlideRenderer {
    /** Below this the text is unreadable anyway; we stop shrinking and cut instead. */
    static final int MIN_FONT_PX = 8;
    private static final double TITLE_SCALE = 1.3;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    /** One laid-out line: its text, font and box (x, top, width, height) in the image. */
    public record Line(String text, boolean title, Rectangle box) {
    }

    /**
     * Where everything goes.
     *
     * @param textArea the rectangle text must stay inside
     * @param qrBox    the white square of the QR code, or {@code null}
     * @param bodyPx   the body font size in pixels (the title is 1.3× larger)
     * @param cut      true when text had to be cut to fit
     */
    public record Layout(Resolution size, Rectangle textArea, Rectangle qrBox, int bodyPx, List<Line> lines,
                         boolean cut) {
    }

    public byte[] png(Slide slide, Resolution size) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(slide, size), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
        return out.toByteArray();
    }

    public BufferedImage render(Slide slide, Resolution size) {
        Layout layout = layout(slide, size);
        var img = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            // Greyscale anti-aliasing: LED pixels have no LCD sub-pixel order to exploit.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.decode(slide.background()));
            g.fillRect(0, 0, size.width(), size.height());
            g.setColor(Color.decode(slide.foreground()));
            for (Line line : layout.lines()) {
                Font f = font(line.title(), layout.bodyPx());
                g.setFont(f);
                LineMetrics lm = f.getLineMetrics(line.text(), FRC);
                g.drawString(line.text(), (float) line.box().x, line.box().y + lm.getAscent());
            }
            if (layout.qrBox() != null) {
                drawQr(g, slide.qrUrl(), layout.qrBox());
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    public Layout layout(Slide slide, Resolution size) {
        int w = size.width();
        int h = size.height();
        int margin = Math.max(2, (int) Math.round(Math.min(w, h) * 0.06));
        Rectangle content = new Rectangle(margin, margin, w - 2 * margin, h - 2 * margin);
        Rectangle qr = null;
        Rectangle text = content;
        if (slide.qrUrl() != null && content.width > 20 && content.height > 20) {
            boolean landscape = w >= h;
            int side = landscape ? Math.min(content.height, (int) (content.width * 0.4))
                    : Math.min(content.width, (int) (content.height * 0.4));
            int modules = qrMatrix(slide.qrUrl()).getWidth() + 4;
            if (side / modules >= 1) {
                side = side / modules * modules;
                if (landscape) {
                    qr = new Rectangle(content.x + content.width - side, content.y + (content.height - side) / 2,
                            side, side);
                    text = new Rectangle(content.x, content.y, content.width - side - margin, content.height);
                } else {
                    qr = new Rectangle(content.x + (content.width - side) / 2, content.y + content.height - side,
                            side, side);
                    text = new Rectangle(content.x, content.y, content.width, content.height - side - margin);
                }
            }
        }
        return fitText(slide, size, text, qr);
    }

    private Layout fitText(Slide slide, Resolution size, Rectangle area, Rectangle qr) {
        int hi = Math.max(MIN_FONT_PX, (int) (area.height / (slide.text().isEmpty() ? 1.4 : 2.8)));
        int lo = MIN_FONT_PX;
        // Largest body size whose wrapped text fits: binary search, since fitting is monotonic in the size.
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (wrap(slide, area, mid).fits) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Wrapped wrapped = wrap(slide, area, lo);
        List<Piece> pieces = wrapped.fits ? wrapped.pieces : cut(wrapped.pieces, area, lo);
        int total = pieces.stream().mapToInt(p -> p.height).sum();
        int y = area.y + Math.max(0, (area.height - total) / 2);
        var lines = new ArrayList<Line>();
        for (Piece p : pieces) {
            if (!p.text.isEmpty()) {
                int x = area.x + Math.max(0, (area.width - p.width) / 2);
                lines.add(new Line(p.text, p.title, new Rectangle(x, y, p.width, p.height)));
            }
            y += p.height;
        }
        return new Layout(size, area, qr, lo, List.copyOf(lines), !wrapped.fits);
    }

    private record Piece(String text, boolean title, int width, int height) {
    }

    private record Wrapped(List<Piece> pieces, boolean fits) {
    }

    private Wrapped wrap(Slide slide, Rectangle area, int bodyPx) {
        var pieces = new ArrayList<Piece>();
        boolean fits = wrapParagraph(slide.title(), true, bodyPx, area.width, pieces);
        if (!slide.text().isEmpty()) {
            Font body = font(false, bodyPx);
            pieces.add(new Piece("", false, 0, lineHeight(body) / 2)); // a half-line gap under the title
            for (String para : slide.text().split("\n", -1)) {
                fits &= wrapParagraph(para.strip(), false, bodyPx, area.width, pieces);
            }
        }
        int total = pieces.stream().mapToInt(p -> p.height).sum();
        return new Wrapped(pieces, fits && total <= area.height);
    }

    /** Greedy word wrap; a word wider than the line is split between letters. False if anything overflowed. */
    private boolean wrapParagraph(String para, boolean title, int bodyPx, int width, List<Piece> out) {
        Font f = font(title, bodyPx);
        int lh = lineHeight(f);
        if (para.isEmpty()) {
            out.add(new Piece("", title, 0, lh));
            return true;
        }
        StringBuilder line = new StringBuilder();
        for (String word : para.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(f, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                out.add(new Piece(line.toString(), title, width(f, line.toString()), lh));
                line.setLength(0);
            }
            String rest = word;
            while (width(f, rest) > width) {
                int n = longestPrefix(f, rest, width);
                if (n == 0) {
                    return false; // not even one letter fits
                }
                out.add(new Piece(rest.substring(0, n), title, width(f, rest.substring(0, n)), lh));
                rest = rest.substring(n);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            out.add(new Piece(line.toString(), title, width(f, line.toString()), lh));
        }
        return true;
    }

    /** Keeps the lines that fit in the area and ends the last with an ellipsis. */
    private List<Piece> cut(List<Piece> pieces, Rectangle area, int bodyPx) {
        var kept = new ArrayList<Piece>();
        int used = 0;
        for (Piece p : pieces) {
            if (used + p.height > area.height || p.width > area.width) {
                break;
            }
            kept.add(p);
            used += p.height;
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).text.isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        if (!kept.isEmpty()) {
            Piece last = kept.remove(kept.size() - 1);
            Font f = font(last.title, bodyPx);
            String s = last.text;
            while (!s.isEmpty() && width(f, s + "…") > area.width) {
                s = s.substring(0, s.length() - 1);
            }
            kept.add(new Piece(s + "…", last.title, width(f, s + "…"), last.height));
        }
        return kept;
    }

    private static int longestPrefix(Font f, String s, int width) {
        int n = 0;
        while (n < s.length() && width(f, s.substring(0, n + 1)) <= width) {
            n++;
        }
        return n;
    }

    static Font font(boolean title, int bodyPx) {
        return title ? new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(bodyPx * TITLE_SCALE))
                : new Font(Font.SANS_SERIF, Font.PLAIN, bodyPx);
    }

    private static int width(Font f, String s) {
        return (int) Math.ceil(f.getStringBounds(s, FRC).getWidth());
    }

    private static int lineHeight(Font f) {
        LineMetrics lm = f.getLineMetrics("ÁgjÉ", FRC);
        return (int) Math.ceil(lm.getAscent() + lm.getDescent() + lm.getLeading());
    }

    private static BitMatrix qrMatrix(String url) {
        try {
            return new QRCodeWriter().encode(url, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR code for " + url, e);
        }
    }

    /** Dark modules on a white square with a two-module quiet zone, whole pixels per module. */
    private static void drawQr(Graphics2D g, String url, Rectangle box) {
        BitMatrix m = qrMatrix(url);
        int modules = m.getWidth() + 4;
        int px = box.width / modules;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(box.x, box.y, box.width, box.height);
        g.setColor(Color.BLACK);
        int offset = (box.width - modules * px) / 2 + 2 * px;
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    g.fillRect(box.x + offset + x * px, box.y + offset + y * px, px, px);
                }
            }
        }
    }
}
