package id.ihati.videotron.playlists.assembly;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Shortfall;
import id.ihati.videotron.playlists.timeline.Shortfall.Reason;
import id.ihati.videotron.playlists.timeline.Timeline;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns (schedule, media library, screen, day) into what plays. Every view of "what a screen plays" goes
 * through here, so the player's manifest, the previews, the publish page, the timelines and the delivery
 * reports cannot disagree: {@link #manifest} picks the bookings, alerts, filler and media of a screen the one
 * way, and {@link #day} runs the players' own resolver over that manifest. Pure and stateless.
 */
public final class Assembler {
    private static final TimelineResolver RESOLVER = new TimelineResolver();
    private static final int DAY_SECONDS = 86_400;

    private Assembler() {
    }

    /**
     * The manifest of {@code screen} for its local days {@code firstDay}–{@code lastDay}: the bookings that
     * target it and play on one of those days (or on the day before, whose overnight windows reach into the
     * first), the alerts that target it and overlap those days from {@code generatedAt} on, the filler, and
     * every item they name that the library gives this screen and that is valid at some time of those days
     * from {@code generatedAt} on. Items it cannot give are left
     * out and listed in {@link Assembly#missing()}; a booking left with none is dropped. The manifest is valid
     * until local midnight after {@code lastDay}; its content hash is not set.
     */
    public static Assembly manifest(Schedule schedule, MediaLibrary library, ScreenProfile screen,
                                    Instant generatedAt, LocalDate firstDay, LocalDate lastDay, String mediaPath) {
        Instant dayStart = firstDay.atStartOfDay(screen.timeZone()).toInstant();
        Instant until = lastDay.plusDays(1).atStartOfDay(screen.timeZone()).toInstant();
        // Alerts and media over by the time the manifest is made are left out: it plays from then on.
        Instant start = generatedAt.isAfter(dayStart) && generatedAt.isBefore(until) ? generatedAt : dayStart;
        LocalDate reachFrom = firstDay.minusDays(1);
        List<Booking> bookings = schedule.bookings().stream()
                .filter(b -> b.targets().includes(screen))
                .filter(b -> (!b.dateTo().isBefore(firstDay) || b.dateTo().equals(reachFrom) && reachesNextDay(b))
                        && !b.dateFrom().isAfter(lastDay))
                .toList();
        List<Alert> alerts = schedule.alerts().stream()
                .filter(a -> a.targets().includes(screen))
                .filter(a -> (a.until() == null || a.until().isAfter(start)) && a.from().isBefore(until))
                .toList();
        Filler filler = schedule.filler();

        Set<String> named = new LinkedHashSet<>();
        alerts.forEach(a -> named.add(a.mediaId()));
        bookings.forEach(b -> named.addAll(b.items()));
        if (filler != null) {
            named.addAll(filler.items());
        }
        Map<String, Media> media = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : named) {
            Optional<Media> m = library.forScreen(id, screen)
                    .filter(x -> (x.validUntil() == null || x.validUntil().isAfter(start))
                            && (x.validFrom() == null || x.validFrom().isBefore(until)));
            m.ifPresentOrElse(x -> media.put(id, x), () -> missing.add(id));
        }
        List<Booking> playable = new ArrayList<>();
        for (Booking b : bookings) {
            List<String> items = b.items().stream().filter(media::containsKey).toList();
            if (!items.isEmpty()) {
                playable.add(items.size() == b.items().size() ? b : new Booking(b.id(), b.title(), b.category(),
                        b.ownerOrganisation(), items, b.targets(), b.dateFrom(), b.dateTo(), b.weekdays(),
                        b.windows(), b.frequency(), b.priority()));
            }
        }
        List<Alert> playableAlerts = alerts.stream().filter(a -> media.containsKey(a.mediaId())).toList();
        Filler playableFiller = null;
        if (filler != null) {
            List<String> items = filler.items().stream().filter(media::containsKey).toList();
            playableFiller = items.isEmpty() ? null : new Filler(items);
        }
        Instant generated = generatedAt.isBefore(until) ? generatedAt : dayStart;
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, screen, generated, until, schedule.version(),
                mediaPath, List.copyOf(media.values()), playable, playableAlerts, playableFiller, null);
        return new Assembly(manifest, missing);
    }

    /** Whether a window of the booking runs past the midnight after the day it starts on. */
    private static boolean reachesNextDay(Booking b) {
        return b.windows().stream().anyMatch(w -> w.from().toSecondOfDay() + w.lengthSeconds() > DAY_SECONDS);
    }

    /** What {@code screen} plays on its local {@code day} under {@code schedule}, and what each booking gets. */
    public static ScreenDay day(Schedule schedule, MediaLibrary library, ScreenProfile screen, LocalDate day) {
        Instant from = day.atStartOfDay(screen.timeZone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(screen.timeZone()).toInstant();
        Manifest m = manifest(schedule, library, screen, from, day, day, null).manifest();
        return day(m, screen, day, RESOLVER.resolve(m, from, to));
    }

    /**
     * What the player holding {@code manifest} plays on its screen's local {@code day}: the same figures as
     * {@link #day(Schedule, MediaLibrary, ScreenProfile, LocalDate)} gives for the schedule it was made from.
     */
    public static ScreenDay day(Manifest manifest, LocalDate day) {
        ScreenProfile screen = manifest.screen();
        Instant from = day.atStartOfDay(screen.timeZone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(screen.timeZone()).toInstant();
        return day(manifest, screen, day, RESOLVER.resolve(manifest, from, to));
    }

    private static ScreenDay day(Manifest m, ScreenProfile screen, LocalDate day, Timeline t) {
        List<PlannedPlay> plays = t.plays().stream().filter(p -> p.day().equals(day)).toList();
        List<BookingOutcome> outcomes = outcomes(m, screen, day, plays, t.shortfalls());
        return new ScreenDay(screen, day, plays, t.shortfalls(), outcomes, shares(screen, plays, outcomes, m));
    }

    /**
     * Every play of {@code screen} that starts in {@code [from, to)}, each under the schedule in force when it
     * starts ({@code versions} oldest first; before the first one nothing plays), with the shortfalls of each
     * part and the first change after {@code from}.
     */
    public static Timeline timeline(List<InForce> versions, MediaLibrary library, ScreenProfile screen,
                                    Instant from, Instant to) {
        var plays = new ArrayList<PlannedPlay>();
        var shortfalls = new ArrayList<Shortfall>();
        Instant next = null;
        for (int i = 0; i < versions.size(); i++) {
            Instant vFrom = versions.get(i).from();
            Instant vTo = i + 1 < versions.size() ? versions.get(i + 1).from() : Instant.MAX;
            Instant a = vFrom.isAfter(from) ? vFrom : from;
            Instant b = vTo.isBefore(to) ? vTo : to;
            if (!a.isBefore(b)) {
                continue;
            }
            LocalDate first = LocalDate.ofInstant(a, screen.timeZone());
            LocalDate last = LocalDate.ofInstant(b.minusNanos(1), screen.timeZone());
            Manifest m = manifest(versions.get(i).schedule(), library, screen, a, first, last, null).manifest();
            Timeline t = RESOLVER.resolve(m, a, b);
            t.plays().stream().filter(p -> !p.start().isBefore(a) && p.start().isBefore(b)).forEach(plays::add);
            shortfalls.addAll(t.shortfalls());
            next = next == null ? t.nextChange() : next;
        }
        return new Timeline(plays, shortfalls, next);
    }

    /** One stretch of time {@code [from, to)}. */
    public record Window(Instant from, Instant to) {
    }

    /**
     * The hours {@code booking} can really play on {@code screen} on its local {@code day}: its windows that
     * day intersected with the screen's operating hours (a "whole operating day" booking on a 05:00–24:00
     * screen gives 05:00–24:00). Empty when it does not play that day or only asks for dark hours.
     */
    public static List<Window> playableWindows(Booking booking, ScreenProfile screen, LocalDate day) {
        if (day.isBefore(booking.dateFrom()) || day.isAfter(booking.dateTo())
                || !booking.weekdays().contains(day.getDayOfWeek())) {
            return List.of();
        }
        List<int[]> lit = new ArrayList<>();
        for (int offset = -1; offset <= 1; offset++) {
            for (TimeWindow w : screen.operatingHours().getOrDefault(day.plusDays(offset).getDayOfWeek(), List.of())) {
                int f = offset * DAY_SECONDS + w.from().toSecondOfDay();
                lit.add(new int[]{f, f + w.lengthSeconds()});
            }
        }
        lit.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<Window> out = new ArrayList<>();
        LocalDateTime midnight = day.atStartOfDay();
        for (TimeWindow w : booking.windows()) {
            int f = w.from().toSecondOfDay();
            int e = f + w.lengthSeconds();
            int[] open = null;
            for (int[] l : lit) {
                int a = Math.max(f, l[0]);
                int b = Math.min(e, l[1]);
                if (a >= b) {
                    continue;
                }
                if (open != null && a <= open[1]) {
                    open[1] = Math.max(open[1], b);
                } else {
                    if (open != null) {
                        out.add(window(midnight, open, screen));
                    }
                    open = new int[]{a, b};
                }
            }
            if (open != null) {
                out.add(window(midnight, open, screen));
            }
        }
        out.sort((x, y) -> x.from().compareTo(y.from()));
        return out;
    }

    private static Window window(LocalDateTime midnight, int[] s, ScreenProfile screen) {
        return new Window(midnight.plusSeconds(s[0]).atZone(screen.timeZone()).toInstant(),
                midnight.plusSeconds(s[1]).atZone(screen.timeZone()).toInstant());
    }

    /** Percentage of the playing time of {@code plays} per category, rounded. */
    public static Map<Category, Integer> sharePercent(List<PlannedPlay> plays) {
        var seconds = new EnumMap<Category, Long>(Category.class);
        long total = 0;
        for (PlannedPlay p : plays) {
            long s = Duration.between(p.start(), p.end()).toSeconds();
            seconds.merge(p.category(), s, Long::sum);
            total += s;
        }
        var shares = new EnumMap<Category, Integer>(Category.class);
        for (var e : seconds.entrySet()) {
            shares.put(e.getKey(), total == 0 ? 0 : (int) Math.round(100.0 * e.getValue() / total));
        }
        return shares;
    }

    // ---------------------------------------------------------------- outcomes

    /**
     * Per booking in force on the day: the plays of the day's loops, the plays it lost there (the resolver's
     * shortfalls of those loops, whichever day their windows began on) and the main reason, and who took them.
     */
    private static List<BookingOutcome> outcomes(Manifest m, ScreenProfile screen, LocalDate day,
                                                 List<PlannedPlay> plays, List<Shortfall> shortfalls) {
        Map<String, Booking> byId = new HashMap<>();
        m.bookings().forEach(b -> byId.put(b.id(), b));
        Map<String, Integer> planned = new LinkedHashMap<>();
        for (PlannedPlay p : plays) {
            if (p.sourceId() != null && byId.containsKey(p.sourceId())) {
                planned.merge(p.sourceId(), 1, Integer::sum);
            }
        }
        Map<String, int[]> lost = new LinkedHashMap<>();
        Map<String, Integer> dark = new HashMap<>();
        for (Shortfall f : shortfalls) {
            if (f.isLoss()) {
                lost.computeIfAbsent(f.bookingId(), k -> new int[Reason.values().length])[f.reason().ordinal()]
                        += f.missing();
            } else if (f.day().equals(day)) {
                dark.merge(f.bookingId(), f.requested(), Integer::sum);
            }
        }
        Set<String> ids = new LinkedHashSet<>(planned.keySet());
        ids.addAll(lost.keySet());
        ids.addAll(dark.keySet());
        List<BookingOutcome> out = new ArrayList<>();
        for (String id : ids) {
            Booking b = byId.get(id);
            int got = planned.getOrDefault(id, 0);
            int[] l = lost.get(id);
            Reason worst = null;
            int missing = 0;
            if (l != null) {
                for (Reason r : Reason.values()) {
                    missing += l[r.ordinal()];
                    if (l[r.ordinal()] > 0 && (worst == null || l[r.ordinal()] > l[worst.ordinal()])) {
                        worst = r;
                    }
                }
            }
            if (worst != null) {
                out.add(new BookingOutcome(id, screen.id(), day, got + missing, got, worst,
                        takers(b, worst, byId, planned, plays, screen)));
            } else if (got == 0 && dark.containsKey(id)) {
                out.add(new BookingOutcome(id, screen.id(), day, dark.get(id), 0, Reason.OUTSIDE_OPERATING_HOURS,
                        List.of()));
            } else {
                out.add(new BookingOutcome(id, screen.id(), day, got, got, null, List.of()));
            }
        }
        out.sort((x, y) -> x.bookingId().compareTo(y.bookingId()));
        return out;
    }

    /** Who took a booking's plays for {@code reason}: those that day that play and outrank, equal or out-share it. */
    private static List<String> takers(Booking b, Reason reason, Map<String, Booking> byId,
                                       Map<String, Integer> planned, List<PlannedPlay> plays, ScreenProfile screen) {
        if (b == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        switch (reason) {
            case OUTRANKED -> {
                plays.stream().filter(p -> p.category() == Category.ALERT && p.sourceId() != null)
                        .forEach(p -> out.add(p.sourceId()));
                planned.keySet().stream().map(byId::get).filter(o -> o.priority() > b.priority())
                        .sorted((x, y) -> Integer.compare(y.priority(), x.priority()))
                        .forEach(o -> out.add(o.id()));
            }
            case OVERBOOKED -> planned.keySet().stream().map(byId::get)
                    .filter(o -> o.priority() == b.priority() && !o.id().equals(b.id()))
                    .forEach(o -> out.add(o.id()));
            case SHARE_RESERVED -> planned.keySet().stream().map(byId::get)
                    .filter(o -> o.category() != b.category()
                            && screen.minSharePercent().getOrDefault(o.category(), 0) > 0)
                    .forEach(o -> out.add(o.id()));
            default -> {
            }
        }
        return List.copyOf(out);
    }

    private static List<ShareCheck> shares(ScreenProfile screen, List<PlannedPlay> plays,
                                           List<BookingOutcome> outcomes, Manifest m) {
        Map<String, Category> categories = new HashMap<>();
        m.bookings().forEach(b -> categories.put(b.id(), b.category()));
        Map<Category, Integer> percent = sharePercent(plays);
        List<ShareCheck> out = new ArrayList<>();
        for (Category c : Category.values()) {
            int min = screen.minSharePercent().getOrDefault(c, 0);
            if (min <= 0) {
                continue;
            }
            int got = percent.getOrDefault(c, 0);
            boolean satisfied = c != Category.FILLER && outcomes.stream()
                    .filter(o -> categories.get(o.bookingId()) == c).allMatch(o -> o.displaced() == 0);
            out.add(new ShareCheck(c, min, got, satisfied, got >= min || satisfied));
        }
        return out;
    }
}
