package id.ihati.videotron.player.playback;

import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.Instant;
import java.time.LocalDateTime;

/** Whether a screen is on at an instant, by its weekly operating hours in its own time zone. */
final class OperatingHours {
    private OperatingHours() {
    }

    static boolean open(ScreenProfile screen, Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, screen.timeZone());
        // A window belongs to the day it starts on, so yesterday's overnight windows can still be open.
        return openIn(screen, local, 0) || openIn(screen, local, 1);
    }

    private static boolean openIn(ScreenProfile screen, LocalDateTime local, int daysBack) {
        var day = local.toLocalDate().minusDays(daysBack);
        for (TimeWindow w : screen.operatingHours().getOrDefault(day.getDayOfWeek(), java.util.List.of())) {
            LocalDateTime from = day.atTime(w.from());
            LocalDateTime to = from.plusSeconds(w.lengthSeconds());
            if (!local.isBefore(from) && local.isBefore(to)) {
                return true;
            }
        }
        return false;
    }
}
