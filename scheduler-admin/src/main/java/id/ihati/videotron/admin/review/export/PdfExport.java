package id.ihati.videotron.admin.review.export;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.ihati.videotron.admin.review.delivery.DeliveryReport;
import id.ihati.videotron.admin.review.delivery.DeliveryReport.BookingTotal;
import id.ihati.videotron.admin.review.delivery.DeliveryReport.CategoryTotal;
import id.ihati.videotron.admin.review.delivery.DeliveryReport.ScreenTotal;
import id.ihati.videotron.admin.review.delivery.ShortfallReason;
import id.ihati.videotron.admin.review.delivery.Tally;
import id.ihati.videotron.admin.web.Format;
import id.ihati.videotron.admin.web.Messages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Planned versus delivered as a PDF report (OpenPDF) with two charts (JFreeChart, drawn to images): share of
 * screen time per category, and delivery per screen. Texts come from the review bundle, Bahasa Indonesia by
 * default.
 */
public final class PdfExport {
    private static final Color HEALTH = new Color(0x2e7d32);
    private static final Color CITY = new Color(0x1565c0);
    private static final Color FILLER = new Color(0x9e9e9e);
    private static final Color ALERT = new Color(0xc62828);
    private static final Color BRAND = new Color(0xd81b60);
    private static final Font H1 = new Font(Font.HELVETICA, 17, Font.BOLD, new java.awt.Color(0x1d2330));
    private static final Font H2 = new Font(Font.HELVETICA, 12.5f, Font.BOLD, BRAND);
    private static final Font BODY = new Font(Font.HELVETICA, 9.5f, Font.NORMAL);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, new java.awt.Color(0x5f6b7a));
    private static final Font TH = new Font(Font.HELVETICA, 8.5f, Font.BOLD, java.awt.Color.WHITE);
    private static final Font TD = new Font(Font.HELVETICA, 8.5f, Font.NORMAL);
    private static final Font BAD = new Font(Font.HELVETICA, 8.5f, Font.BOLD, ALERT);

    private PdfExport() {
    }

    /**
     * @param scope      what the report covers, e.g. "Semua layar" or a screen's name
     * @param generated  when it was made, shown in {@code zone}
     */
    public static byte[] write(DeliveryReport report, String scope, Instant generated, ZoneId zone, Locale locale) {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            doc.addTitle(t(locale, "review.pdf.title") + " " + report.from() + " - " + report.to());
            doc.addCreator("I-Hati Videotron");
            doc.open();
            var f = Format.of(locale);

            doc.add(new Paragraph(t(locale, "review.pdf.title"), H1));
            doc.add(new Paragraph(t(locale, "review.pdf.subtitle", scope, f.fullDate(report.from()),
                    f.fullDate(report.to())), BODY));
            doc.add(new Paragraph(t(locale, "review.pdf.generated",
                    f.fullDate(generated.atZone(zone).toLocalDate()) + " "
                            + f.time(generated.atZone(zone).toLocalTime()), Format.zoneLabel(zone)), SMALL));

            doc.add(heading(t(locale, "review.pdf.summary")));
            for (CategoryTotal c : report.categories()) {
                doc.add(new Paragraph("\u2022 " + t(locale, "review.summary.category",
                        t(locale, "review.category." + c.category().name()), f.decimal(c.sharePercent(), 1),
                        f.decimal(c.tally().deliveryPercent(), 1)), BODY));
            }
            Tally total = report.total();
            doc.add(new Paragraph(t(locale, "review.pdf.totals", total.planned(), total.delivered(),
                    f.decimal(total.deliveryPercent(), 1)), BODY));
            long broken = report.screens().stream().filter(s -> !s.chain().intact()).count();
            doc.add(new Paragraph(broken == 0 ? t(locale, "review.pdf.chainsIntact")
                    : t(locale, "review.pdf.chainsBroken", broken), broken == 0 ? BODY : BAD));

            var charts = new PdfPTable(2);
            charts.setWidthPercentage(100);
            charts.setSpacingBefore(8);
            charts.addCell(imageCell(shareChart(report, locale)));
            charts.addCell(imageCell(screenChart(report, locale)));
            doc.add(charts);

            doc.add(heading(t(locale, "review.pdf.byScreen")));
            var st = table(new float[]{3f, 1.5f, 1.2f, 1f, 1.2f, 2.6f},
                    t(locale, "review.col.screen"), t(locale, "review.col.planned"), t(locale, "review.col.delivered"),
                    "%", t(locale, "review.col.offlineHours"), t(locale, "review.col.chain"));
            for (ScreenTotal s : report.screens()) {
                st.addCell(cell(s.name(), TD));
                st.addCell(num(f, s.tally().planned()));
                st.addCell(num(f, s.tally().delivered()));
                st.addCell(right(f.decimal(s.tally().deliveryPercent(), 1)));
                st.addCell(right(f.decimal(s.offlineSeconds() / 3600.0, 1)));
                String marks = s.chain().marks(locale).stream().map(m -> "\n" + m).collect(Collectors.joining());
                st.addCell(s.chain().intact() ? cell(t(locale, "review.chain.intact") + marks, TD)
                        : cell(t(locale, "review.chain.broken") + ": " + String.join("; ",
                        s.chain().problems().subList(0, Math.min(3, s.chain().problems().size()))) + marks, BAD));
            }
            doc.add(st);

            doc.add(heading(t(locale, "review.pdf.byBooking")));
            var bt = table(new float[]{2.9f, 1.5f, 1.1f, 1.75f, 1.1f, 0.9f, 3.0f},
                    t(locale, "review.col.title"), t(locale, "review.col.category"), t(locale, "review.col.requested"),
                    t(locale, "review.col.planned"), t(locale, "review.col.delivered"), "%",
                    t(locale, "review.col.reasons"));
            for (BookingTotal b : report.bookings()) {
                bt.addCell(cell(b.title() + (b.owner() == null ? "" : "\n" + b.owner()), TD));
                bt.addCell(cell(t(locale, "review.category." + b.category().name()), TD));
                bt.addCell(num(f, b.tally().requested()));
                bt.addCell(num(f, b.tally().planned()));
                bt.addCell(num(f, b.tally().delivered()));
                bt.addCell(right(f.decimal(b.tally().deliveryPercent(), 1)));
                bt.addCell(cell(reasons(b.tally(), locale), TD));
            }
            doc.add(bt);

            doc.add(heading(t(locale, "review.pdf.reasons")));
            var rt = table(new float[]{4f, 1.2f}, t(locale, "review.col.reason"), t(locale, "review.col.plays"));
            for (ShortfallReason r : ShortfallReason.values()) {
                rt.addCell(cell(t(locale, "review.reason." + r.name()), TD));
                rt.addCell(num(f, total.lost(r)));
            }
            rt.setWidthPercentage(60);
            rt.setHorizontalAlignment(Element.ALIGN_LEFT);
            rt.setKeepTogether(true);
            doc.add(rt);
            doc.add(new Paragraph(t(locale, "review.pdf.method"), SMALL));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot write the PDF report", e);
        }
        return out.toByteArray();
    }

    static String reasons(Tally t, Locale locale) {
        var sb = new StringBuilder();
        for (ShortfallReason r : ShortfallReason.values()) {
            if (t.lost(r) > 0) {
                sb.append(sb.isEmpty() ? "" : "; ").append(t(locale, "review.reason." + r.name())).append(' ')
                        .append(t.lost(r));
            }
        }
        return sb.isEmpty() ? "-" : sb.toString();
    }

    private static Paragraph heading(String text) {
        var p = new Paragraph(text, H2);
        p.setSpacingBefore(12);
        p.setSpacingAfter(5);
        return p;
    }

    private static PdfPTable table(float[] widths, String... headers) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : headers) {
            var c = new PdfPCell(new Phrase(h, TH));
            c.setBackgroundColor(new Color(0x37474f));
            c.setPadding(4);
            table.addCell(c);
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        var c = new PdfPCell(new Phrase(text, font));
        c.setPadding(3.5f);
        c.setBorderColor(new Color(0xdde3ea));
        return c;
    }

    private static PdfPCell num(Format f, long n) {
        return right(f.number(n));
    }

    private static PdfPCell right(String s) {
        var c = cell(s, TD);
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    private static PdfPCell imageCell(BufferedImage img) {
        try {
            Image image = Image.getInstance(img, null);
            image.scaleToFit(250, 190);
            var c = new PdfPCell(image, false);
            c.setBorder(0);
            c.setPadding(2);
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage shareChart(DeliveryReport report, Locale locale) {
        var data = new DefaultCategoryDataset();
        String planned = t(locale, "review.chart.share");
        String delivered = t(locale, "review.chart.deliveredShare");
        double all = report.total().plannedSeconds();
        for (CategoryTotal c : report.categories()) {
            String label = t(locale, "review.category." + c.category().name());
            data.addValue(c.sharePercent(), planned, label);
            data.addValue(all == 0 ? 0 : 100.0 * c.tally().deliveredSeconds() / all, delivered, label);
        }
        JFreeChart chart = ChartFactory.createBarChart(t(locale, "review.chart.shareTitle"), null, "%", data,
                PlotOrientation.VERTICAL, true, false, false);
        style(chart, new Color[]{new Color(0x90a4ae), HEALTH});
        return chart.createBufferedImage(820, 660);
    }

    private static BufferedImage screenChart(DeliveryReport report, Locale locale) {
        var data = new DefaultCategoryDataset();
        String series = t(locale, "review.chart.delivery");
        for (ScreenTotal s : report.screens()) {
            data.addValue(s.tally().deliveryPercent(), series, shorten(s.name()));
        }
        JFreeChart chart = ChartFactory.createBarChart(t(locale, "review.chart.deliveryTitle"), null, "%", data,
                report.screens().size() > 8 ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL,
                false, false, false);
        style(chart, new Color[]{HEALTH});
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 100);
        return chart.createBufferedImage(820, 660);
    }

    private static String shorten(String s) {
        return s.length() > 18 ? s.substring(0, 17) + "\u2026" : s;
    }

    private static void style(JFreeChart chart, Color[] colors) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 30));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 22));
        }
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdde3ea));
        plot.setRangeGridlineStroke(new BasicStroke(1.5f));
        plot.setOutlineVisible(false);
        var tickFont = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 24);
        plot.getDomainAxis().setTickLabelFont(tickFont);
        plot.getRangeAxis().setTickLabelFont(tickFont);
        plot.getRangeAxis().setLabelFont(tickFont);
        var renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        for (int i = 0; i < colors.length; i++) {
            renderer.setSeriesPaint(i, colors[i]);
        }
    }

    private static String t(Locale locale, String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    /** Separates sections with a little air; kept for callers composing several reports. */
    static Chunk gap() {
        return Chunk.NEWLINE;
    }
}
