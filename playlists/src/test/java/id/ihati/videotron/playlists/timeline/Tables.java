package id.ihati.videotron.playlists.timeline;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Renders plays as a plain table, one per line, so that expected loop compositions read like a schedule. */
final class Tables {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Tables() {
    }

    /** {@code start–end  loop/slot×slots  CATEGORY  source  media}, local times of {@code zone}. */
    static String of(List<PlannedPlay> plays, ZoneId zone) {
        return plays.stream().map(p -> String.format("%s-%s %d/%d×%d %s %s %s",
                        TIME.format(LocalDateTime.ofInstant(p.start(), zone)),
                        TIME.format(LocalDateTime.ofInstant(p.end(), zone)),
                        p.loop(), p.slot(), p.slots(), p.category(), p.sourceId() == null ? "-" : p.sourceId(),
                        p.mediaId()))
                .collect(Collectors.joining("\n"));
    }

    /** Normalises a hand-written expected table: trims lines and squeezes runs of spaces. */
    static String expected(String table) {
        return table.lines().map(l -> l.trim().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty())
                .collect(Collectors.joining("\n"));
    }
}
