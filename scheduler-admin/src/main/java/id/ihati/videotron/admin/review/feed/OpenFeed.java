package id.ihati.videotron.admin.review.feed;

import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Timeline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The feed's documents, built from a screen's plan. Only public facts go in: screen slug, name, place and
 * hours; titles, categories and organisations of what plays; times. No ids of bookings, media, users or
 * devices, no player state.
 */
public final class OpenFeed {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private OpenFeed() {
    }

    /** One screen as the feed lists it. */
    public record ScreenSummary(String slug, String name, String location, Double latitude, Double longitude,
                                String timeZone, NowPlaying now) {
    }

    /** What is on screen at {@code at}. */
    public record NowPlaying(String title, String category, String organisation, String content, Instant from,
                             Instant until) {
    }

    /** One thing that plays today: a booking, an alert, or filler. */
    public record Programme(String title, String category, String organisation, List<String> content, int plays,
                            String firstPlay, String lastPlay, double sharePercent) {
    }

    public record Hours(String from, String to) {
    }

    /** A screen's day. */
    public record ScreenDay(ScreenSummary screen, LocalDate date, List<Hours> operatingHours,
                            List<Programme> programme, Map<String, Double> sharePercent) {
    }

    public record ScreenList(List<ScreenSummary> screens) {
    }

    /**
     * @param mediaTitle the public title of a media id (its id is never shown)
     */
    public static ScreenSummary summary(ScreenProfile screen, String slug, Timeline today, Instant at,
                                        List<Booking> bookings, List<Alert> alerts, Function<String, String> mediaTitle) {
        NowPlaying now = null;
        for (PlannedPlay p : today.plays()) {
            if (!p.start().isAfter(at) && p.end().isAfter(at)) {
                now = new NowPlaying(title(p, bookings, alerts), p.category().name(), organisation(p, bookings),
                        mediaTitle.apply(p.mediaId()), p.start(), p.end());
                break;
            }
        }
        var loc = screen.location();
        return new ScreenSummary(slug, screen.name(), loc == null ? null : loc.text(),
                loc == null ? null : loc.latitude(), loc == null ? null : loc.longitude(), screen.timeZone().getId(), now);
    }

    public static ScreenDay day(ScreenProfile screen, String slug, LocalDate date, Timeline today, Instant at,
                                List<Booking> bookings, List<Alert> alerts, Function<String, String> mediaTitle) {
        record Acc(String title, String category, String organisation, Set<String> content, int[] plays,
                   Instant[] firstLast, long[] seconds) {
        }
        Map<String, Acc> bySource = new LinkedHashMap<>();
        long total = 0;
        Map<String, Long> byCategory = new LinkedHashMap<>();
        for (PlannedPlay p : today.plays()) {
            String key = p.sourceId() == null ? "filler" : p.sourceId();
            Acc a = bySource.computeIfAbsent(key, k -> new Acc(title(p, bookings, alerts), p.category().name(),
                    organisation(p, bookings), new LinkedHashSet<>(), new int[1], new Instant[]{p.start(), p.end()},
                    new long[1]));
            a.plays[0]++;
            a.firstLast[1] = p.end();
            a.content.add(mediaTitle.apply(p.mediaId()));
            long s = Duration.between(p.start(), p.end()).toSeconds();
            a.seconds[0] += s;
            total += s;
            byCategory.merge(p.category().name(), s, Long::sum);
        }
        var programme = new ArrayList<Programme>();
        for (Acc a : bySource.values()) {
            programme.add(new Programme(a.title, a.category, a.organisation, List.copyOf(a.content), a.plays[0],
                    HM.format(a.firstLast[0].atZone(screen.timeZone())),
                    HM.format(a.firstLast[1].atZone(screen.timeZone())), percent(a.seconds[0], total)));
        }
        programme.sort((x, y) -> Integer.compare(y.plays(), x.plays()));
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            if (byCategory.containsKey(c.name())) {
                shares.put(c.name(), percent(byCategory.get(c.name()), total));
            }
        }
        List<Hours> hours = new ArrayList<>();
        for (TimeWindow w : screen.operatingHours().getOrDefault(date.getDayOfWeek(), List.of())) {
            hours.add(new Hours(HM.format(w.from()), HM.format(w.to())));
        }
        return new ScreenDay(summary(screen, slug, today, at, bookings, alerts, mediaTitle), date, hours, programme,
                shares);
    }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : Math.round(1000.0 * part / total) / 10.0;
    }

    private static String title(PlannedPlay p, List<Booking> bookings, List<Alert> alerts) {
        if (p.sourceId() == null) {
            return "Pengisi";
        }
        for (Booking b : bookings) {
            if (b.id().equals(p.sourceId())) {
                return b.title();
            }
        }
        for (Alert a : alerts) {
            if (a.id().equals(p.sourceId())) {
                return a.title();
            }
        }
        return p.category() == Category.ALERT ? "Peringatan darurat" : "Jadwal";
    }

    private static String organisation(PlannedPlay p, List<Booking> bookings) {
        for (Booking b : bookings) {
            if (b.id().equals(p.sourceId())) {
                return b.ownerOrganisation();
            }
        }
        return null;
    }
}
