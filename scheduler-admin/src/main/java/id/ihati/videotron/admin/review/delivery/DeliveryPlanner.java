package id.ihati.videotron.admin.review.delivery;

import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.review.ReviewSources.VersionInForce;
import id.ihati.videotron.admin.review.delivery.Inputs.PlannedDay;
import id.ihati.videotron.playlists.assembly.Assembler;
import id.ihati.videotron.playlists.assembly.InForce;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.timeline.Timeline;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans screen-days over the schedule version(s) in force on each day: each version's manifest of the screen is
 * made by the playlists {@link Assembler} (as the player API makes it) and resolved by the code the players
 * run. Screens whose plans are the same (same hours, loop, bookings that target them, …) share one resolution
 * per day: the manifest is made screen-neutral before it is resolved, and resolved once per key.
 */
public final class DeliveryPlanner {
    private final TimelineResolver resolver;
    private final MediaCatalog media;

    public DeliveryPlanner(TimelineResolver resolver, MediaCatalog media) {
        this.resolver = resolver;
        this.media = media;
    }

    /** The plan of every screen on every local day {@code from}–{@code to}. */
    public List<PlannedDay> plan(List<ScreenProfile> screens, List<VersionInForce> versions, LocalDate from,
                                 LocalDate to) {
        Map<Object, DayPlan> cache = new HashMap<>();
        Map<String, Optional<Media>> mediaCache = new HashMap<>();
        var out = new ArrayList<PlannedDay>();
        for (ScreenProfile screen : screens) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                var segments = segments(screen, versions, d, mediaCache);
                out.add(new PlannedDay(screen.id(), d, cache.computeIfAbsent(segments, k -> resolve(segments))));
            }
        }
        return out;
    }

    /**
     * The full timeline of one screen in {@code [from, to)}: every play that starts in it, under the version
     * in force when it starts, for the day view and the open feed.
     */
    public Timeline timeline(ScreenProfile screen, List<VersionInForce> versions, Instant from, Instant to) {
        var inForce = versions.stream().map(v -> new InForce(v.schedule().schedule(), v.from())).toList();
        return Assembler.timeline(inForce, media::forScreen, screen, from, to);
    }

    /** One version's manifest over part of a day; a record so equal segments of different screens match. */
    record Segment(Manifest manifest, Instant from, Instant to, boolean alerts) {
    }

    private List<Segment> segments(ScreenProfile screen, List<VersionInForce> versions, LocalDate day,
                                   Map<String, Optional<Media>> mediaCache) {
        Instant ds = day.atStartOfDay(screen.timeZone()).toInstant();
        Instant de = day.plusDays(1).atStartOfDay(screen.timeZone()).toInstant();
        return segments(screen, versions, ds, de, mediaCache, true);
    }

    private List<Segment> segments(ScreenProfile screen, List<VersionInForce> versions, Instant from, Instant to,
                                   Map<String, Optional<Media>> mediaCache, boolean neutral) {
        var out = new ArrayList<Segment>();
        for (int i = 0; i < versions.size(); i++) {
            Instant vFrom = versions.get(i).from();
            Instant vTo = i + 1 < versions.size() ? versions.get(i + 1).from() : Instant.MAX;
            Instant a = vFrom.isAfter(from) ? vFrom : from;
            Instant b = vTo.isBefore(to) ? vTo : to;
            if (a.isBefore(b)) {
                Manifest m = manifest(screen, versions.get(i), a, b, mediaCache, neutral);
                boolean alerts = m.alerts().stream().anyMatch(al -> al.from().isBefore(b)
                        && (al.until() == null || al.until().isAfter(a)));
                out.add(new Segment(m, a, b, alerts));
            }
        }
        return out;
    }

    private DayPlan resolve(List<Segment> segments) {
        DayPlan day = new DayPlan(0, List.of());
        for (Segment s : segments) {
            Timeline plan = startingIn(resolver.resolve(s.manifest, s.from, s.to), s.from, s.to);
            Timeline withoutAlerts = s.alerts
                    ? startingIn(resolver.resolve(withoutAlerts(s.manifest), s.from, s.to), s.from, s.to) : null;
            day = day.plus(DayPlan.of(plan, withoutAlerts));
        }
        return day;
    }

    /**
     * The plays that start in {@code [from, to)}: the resolver also returns the play running at {@code from},
     * which the segment before (a mid-day version change) already counted.
     */
    private static Timeline startingIn(Timeline t, Instant from, Instant to) {
        if (t.plays().isEmpty() || !t.plays().get(0).start().isBefore(from)) {
            return t;
        }
        return new Timeline(t.plays().stream().filter(p -> !p.start().isBefore(from) && p.start().isBefore(to))
                .toList(), t.shortfalls(), t.nextChange());
    }

    private Manifest manifest(ScreenProfile screen, VersionInForce v, Instant from, Instant to,
                              Map<String, Optional<Media>> mediaCache, boolean neutral) {
        String variant = screen.resolution() + "/" + screen.audio() + "/";
        LocalDate first = LocalDate.ofInstant(from, screen.timeZone());
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), screen.timeZone());
        // generatedAt stays fixed so equal plans make equal manifests.
        Manifest m = Assembler.manifest(v.schedule().schedule(),
                (id, sc) -> mediaCache.computeIfAbsent(variant + id, k -> media.forScreen(id, sc)), screen,
                from.minusSeconds(1), first, last, null).manifest();
        if (!neutral) {
            return m;
        }
        ScreenProfile profile = new ScreenProfile("screen", "screen", null, screen.timeZone(),
                screen.resolution(), screen.loopSeconds(), screen.slotSeconds(), screen.operatingHours(),
                screen.minSharePercent(), screen.fitMode(), screen.audio(), Set.of(), null);
        List<Alert> alerts = m.alerts().stream().map(a -> new Alert(a.id(), a.title(), a.mediaId(), Targets.all(),
                a.from(), a.until(), a.priority())).toList();
        return new Manifest(Manifest.FORMAT_VERSION, profile, m.generatedAt(), m.validUntil(), 0, null, m.media(),
                m.bookings().stream().map(DeliveryPlanner::retarget).toList(), alerts, m.filler(), null);
    }

    private static Booking retarget(Booking b) {
        return new Booking(b.id(), b.title(), b.category(), b.ownerOrganisation(), b.items(), Targets.all(),
                b.dateFrom(), b.dateTo(), b.weekdays(), b.windows(), b.frequency(), b.priority());
    }

    private static Manifest withoutAlerts(Manifest m) {
        return new Manifest(m.formatVersion(), m.screen(), m.generatedAt(), m.validUntil(), m.scheduleVersion(),
                m.mediaPath(), m.media(), m.bookings(), List.of(), m.filler(), m.contentHash());
    }
}
