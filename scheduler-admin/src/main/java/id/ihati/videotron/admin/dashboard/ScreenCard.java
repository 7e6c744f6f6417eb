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
 * @param playing     what it shows now, or {@code null} when nothing is known (or it is offline)
 */
public record ScreenCard(Screen screen, ScreenStatus status, boolean online, String lastSeen,
                         DeviceTokens.TokenInfo token, String pairedAt, Screenshots.Shot shot, String shotAt,
                         boolean screenshotPending, List<Incident> incidents, int reportedToday,
                         Integer plannedToday, String zoneLabel, Playing playing) {

    /**
     * What the screen shows, named for people, from the newest of heartbeat and play records ({@link NowPlaying}).
     *
     * @param source the booking's or alert's title, {@code null} for filler
     * @param since  when the play began, in the screen's local time
     * @param ended  when it ended if it is known to have ended, else {@code null}
     */
    public record Playing(String media, String source, String since, String ended) {
    }

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
