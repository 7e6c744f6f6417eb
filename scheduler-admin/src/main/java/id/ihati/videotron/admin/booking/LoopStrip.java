package id.ihati.videotron.admin.booking;

import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Timeline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One loop drawn as a strip of slots, coloured by category; what {@code booking/strip.jte} renders. The
 * review pages reuse it read-only.
 *
 * @param loop   index of the loop in its day
 * @param start  local start time, "HH:mm:ss"
 */
public record LoopStrip(int loop, String start, List<Cell> cells) {

    /**
     * A run of slots with one play (or dark time).
     *
     * @param css      HEALTH, CITY, FILLER, ALERT or DARK (the CSS class)
     * @param span     how many slots it covers
     * @param label    what plays ("" for dark)
     * @param source   booking or alert title, "" for filler and dark
     * @param href     link to the booking or alert, or {@code null}
     * @param time     local start–end, "HH:mm:ss–HH:mm:ss"
     * @param current  true for the play at the moment asked about
     */
    public record Cell(String css, int span, String label, String source, String href, String time, int slot,
                       boolean current) {
    }

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * The strips of the loops of {@code day} with index in {@code [fromLoop, toLoop)}.
     *
     * @param mediaTitles   media id → title
     * @param sourceTitles  booking/alert id → title
     * @param at            an instant to mark as current, or {@code null}
     */
    public static List<LoopStrip> of(Timeline t, ScreenProfile screen, LocalDate day, int fromLoop, int toLoop,
                                     Map<String, String> mediaTitles, Map<String, String> sourceTitles, Instant at) {
        int slots = screen.slotsPerLoop();
        var byLoop = new java.util.HashMap<Integer, List<PlannedPlay>>();
        for (PlannedPlay p : t.plays()) {
            if (p.day().equals(day) && p.loop() >= fromLoop && p.loop() < toLoop) {
                byLoop.computeIfAbsent(p.loop(), k -> new ArrayList<>()).add(p);
            }
        }
        var strips = new ArrayList<LoopStrip>();
        for (int loop = fromLoop; loop < toLoop; loop++) {
            Cell[] bySlot = new Cell[slots];
            for (PlannedPlay p : byLoop.getOrDefault(loop, List.of())) {
                if (p.slot() >= 0 && p.slot() < slots && bySlot[p.slot()] == null) {
                    String href = p.sourceId() == null ? null : p.category() == Category.ALERT
                            ? "/alerts#" + p.sourceId() : "/bookings/" + p.sourceId();
                    String time = local(p.start(), screen) + "–" + local(p.end(), screen);
                    boolean current = at != null && !at.isBefore(p.start()) && at.isBefore(p.end());
                    bySlot[p.slot()] = new Cell(p.category().name(), Math.max(1, Math.min(p.slots(), slots - p.slot())),
                            mediaTitles.getOrDefault(p.mediaId(), p.mediaId()),
                            p.sourceId() == null ? "" : sourceTitles.getOrDefault(p.sourceId(), p.sourceId()), href,
                            time, p.slot(), current);
                }
            }
            var cells = new ArrayList<Cell>();
            int i = 0;
            while (i < slots) {
                if (bySlot[i] != null) {
                    cells.add(bySlot[i]);
                    i += bySlot[i].span();
                } else {
                    int j = i;
                    while (j < slots && bySlot[j] == null) {
                        j++;
                    }
                    cells.add(new Cell("DARK", j - i, "", "", null, "", i, false));
                    i = j;
                }
            }
            strips.add(new LoopStrip(loop, LocalTime.MIDNIGHT.plusSeconds((long) loop * screen.loopSeconds())
                    .format(HMS), cells));
        }
        return strips;
    }

    static String local(Instant t, ScreenProfile screen) {
        return t.atZone(screen.timeZone()).toLocalTime().format(HMS);
    }
}
