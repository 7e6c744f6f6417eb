package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.player.DeviceTokens;
import id.ihati.videotron.admin.player.ScreenStatus;
import id.ihati.videotron.admin.player.Screenshots;
import id.ihati.videotron.admin.screen.Screen;
import java.util.List;

/**
 * Everything the dashboard and the screen page show about one screen, times already written in the screen's
 * local time with its zone label (e.g. "14:05:09 WIB").
 *
 * @param status      the last heartbeat, or {@code null} if the player never sent one
 * @param token       the paired player, or {@code null} when none is paired
 * @param plannedToday plays the resolver plans from local midnight until now, or {@code null} when it cannot say
 */
public record ScreenCard(Screen screen, ScreenStatus status, boolean online, String lastSeen,
                         DeviceTokens.TokenInfo token, String pairedAt, Screenshots.Shot shot, String shotAt,
                         boolean screenshotPending, List<Incident> incidents, int reportedToday,
                         Integer plannedToday, String zoneLabel) {

    public String id() {
        return screen.id();
    }

    public boolean paired() {
        return token != null;
    }

    /** Delivery today in percent of plan, or {@code null}. */
    public Integer deliveryPercent() {
        if (plannedToday == null || plannedToday == 0) {
            return null;
        }
        return (int) Math.min(999, Math.round(100.0 * reportedToday / plannedToday));
    }
}
