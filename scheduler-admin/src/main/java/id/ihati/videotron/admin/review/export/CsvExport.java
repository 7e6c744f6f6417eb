package id.ihati.videotron.admin.review.export;

import id.ihati.videotron.admin.review.delivery.DeliveryReport;
import id.ihati.videotron.admin.review.delivery.Inputs.ChainStatus;
import id.ihati.videotron.admin.review.delivery.DeliveryReport.Row;
import id.ihati.videotron.admin.review.delivery.DeliveryReport.ScreenTotal;
import id.ihati.videotron.admin.review.delivery.ShortfallReason;
import id.ihati.videotron.admin.review.delivery.Tally;
import id.ihati.videotron.admin.web.Messages;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Planned versus delivered as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read it as
 * UTF-8): one line per screen, day and source. Numbers use a dot as decimal separator whatever the language;
 * cells that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
public final class CsvExport {
    private CsvExport() {
    }

    public static byte[] write(DeliveryReport report, Locale locale) {
        var sb = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of(
                t(locale, "review.col.day"), t(locale, "review.col.screenId"), t(locale, "review.col.screen"),
                t(locale, "review.col.sourceId"), t(locale, "review.col.title"), t(locale, "review.col.category"),
                t(locale, "review.col.owner"), t(locale, "review.col.requested"), t(locale, "review.col.planned"),
                t(locale, "review.col.delivered"), t(locale, "review.col.deliveryPercent"),
                t(locale, "review.col.plannedSeconds"), t(locale, "review.col.unplanned")));
        for (ShortfallReason r : ShortfallReason.values()) {
            header.add(t(locale, "review.reason." + r.name()));
        }
        header.add(t(locale, "review.col.chainIntact"));
        header.add(t(locale, "review.col.unanchored"));
        header.add(t(locale, "review.col.unsigned"));
        line(sb, header);
        Map<String, ChainStatus> chains = new HashMap<>();
        for (ScreenTotal s : report.screens()) {
            chains.put(s.screenId(), s.chain());
        }
        for (Row r : report.rows()) {
            Tally t = r.tally();
            List<String> cells = new ArrayList<>(List.of(r.day().toString(), r.screenId(), r.screenName(),
                    nz(r.sourceId()), nz(r.title()), r.category().name(), nz(r.owner()),
                    Long.toString(t.requested()), Long.toString(t.planned()), Long.toString(t.delivered()),
                    String.format(Locale.ROOT, "%.1f", t.deliveryPercent()), Long.toString(t.plannedSeconds()),
                    Long.toString(t.unplanned())));
            for (ShortfallReason reason : ShortfallReason.values()) {
                cells.add(Long.toString(t.lost(reason)));
            }
            ChainStatus chain = chains.getOrDefault(r.screenId(), ChainStatus.UNKNOWN);
            cells.add(Boolean.toString(chain.intact()));
            cells.add(Long.toString(chain.unanchored()));
            cells.add(Long.toString(chain.unsigned()));
            line(sb, cells);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String t(Locale locale, String key) {
        return Messages.get(locale, key);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** One cell, quoted when needed, defused when a spreadsheet would take it for a formula. */
    static String cell(String v) {
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
