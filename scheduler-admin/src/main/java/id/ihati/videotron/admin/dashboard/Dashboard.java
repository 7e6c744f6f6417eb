package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.booking.AlertRepository;
import id.ihati.videotron.admin.booking.BookingRepository;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.player.DeviceTokens;
import id.ihati.videotron.admin.player.ManifestService;
import id.ihati.videotron.admin.player.ProofOfPlay;
import id.ihati.videotron.admin.player.ScreenStatus;
import id.ihati.videotron.admin.player.Screenshots;
import id.ihati.videotron.admin.player.StatusRepository;
import id.ihati.videotron.admin.screen.Screen;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.Messages;
import id.ihati.videotron.playlists.assembly.Assembler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link ScreenCard}s of the dashboard and the screen pages. */
public final class Dashboard {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private final Clock clock;
    private final ScreenRepository screens;
    private final DeviceTokens deviceTokens;
    private final MediaCatalog mediaCatalog;
    private final BookingRepository bookings;
    private final AlertRepository alerts;
    private final ManifestService manifests;
    private final StatusRepository status;
    private final Screenshots screenshots;
    private final ProofOfPlay plays;
    private final Incidents incidents;

    public Dashboard(Clock clock, ScreenRepository screens, DeviceTokens deviceTokens, MediaCatalog mediaCatalog,
                     BookingRepository bookings, AlertRepository alerts, ManifestService manifests,
                     StatusRepository status, Screenshots screenshots, ProofOfPlay plays, Incidents incidents) {
        this.clock = clock;
        this.screens = screens;
        this.deviceTokens = deviceTokens;
        this.mediaCatalog = mediaCatalog;
        this.bookings = bookings;
        this.alerts = alerts;
        this.manifests = manifests;
        this.status = status;
        this.screenshots = screenshots;
        this.plays = plays;
        this.incidents = incidents;
    }

    public List<ScreenCard> cards(Locale locale) {
        Instant now = clock.instant();
        Map<String, ScreenStatus> all = status.all();
        List<Incident> open = incidents.open();
        return screens.all().stream().map(screen -> card(screen, all.get(screen.id()),
                open.stream().filter(i -> i.screenId().equals(screen.id())).toList(), now, locale)).toList();
    }

    public Optional<ScreenCard> card(String screenId, Locale locale) {
        Instant now = clock.instant();
        return screens.find(screenId).map(screen -> card(screen, status.find(screenId).orElse(null),
                incidents.open().stream().filter(i -> i.screenId().equals(screenId)).toList(), now, locale));
    }

    private ScreenCard card(Screen screen, ScreenStatus st, List<Incident> incidents, Instant now, Locale locale) {
        List<Incident> open = incidents.stream().map(this::named).toList();
        ZoneId zone = screen.profile().timeZone();
        var token = deviceTokens.live(screen.id()).orElse(null);
        var shot = screenshots.latest(screen.id()).orElse(null);
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        int reported = plays.count(screen.id(), midnight, now.plusSeconds(1));
        return new ScreenCard(screen, st, st != null && st.online(now),
                st == null ? null : when(st.lastSeen(), zone, now, locale), token,
                token == null ? null : when(token.createdAt(), zone, now, locale), shot,
                shot == null ? null : when(shot.takenAt(), zone, now, locale), screenshots.pending(screen.id()),
                open, reported, planned(screen.id(), midnight, now), zoneLabel(zone),
                st != null && st.online(now) ? playing(screen.id(), st, zone, now, locale) : null);
    }

    /** The newest word on what the screen shows, by title. */
    private ScreenCard.Playing playing(String screenId, ScreenStatus st, ZoneId zone, Instant now, Locale locale) {
        String unknown = Messages.get(locale, "screen.nowPlaying.unknown");
        return NowPlaying.newest(st, plays.latest(screenId).orElse(null))
                .map(p -> new ScreenCard.Playing(
                        mediaCatalog.summary(p.mediaId()).map(m -> m.title()).orElse(unknown),
                        p.sourceId() == null ? Messages.get(locale, "screen.nowPlaying.filler")
                                : sourceTitle(p.sourceId()).orElse(unknown),
                        when(p.since(), zone, now, locale), p.ended() == null ? null : when(p.ended(), zone, now, locale)))
                .orElse(null);
    }

    /** A booking's or alert's title, whatever its state; empty if the server does not know it (deleted since). */
    private Optional<String> sourceTitle(String sourceId) {
        return bookings.find(sourceId).map(r -> r.booking().title())
                .or(() -> alerts.find(sourceId).map(a -> a.alert().title()));
    }

    /** A media error names the item as staff know it, by its title ("Video DBD"), never by its id. */
    public Incident named(Incident i) {
        if (i.kind() != Incident.Kind.MEDIA_ERROR) {
            return i;
        }
        return mediaCatalog.summary(i.subject())
                .map(m -> i.withSubject(m.title()))
                .orElse(i);
    }

    /**
     * Plays planned from {@code from} (local midnight) to {@code now} on the screen's current manifest: the
     * plays of today that start before {@code now}, as the playlists assembler counts "planned so far".
     */
    private Integer planned(String screenId, Instant from, Instant now) {
        if (!now.isAfter(from)) {
            return 0;
        }
        try {
            Optional<ManifestService.Built> built = manifests.current(screenId);
            if (built.isEmpty()) {
                return null;
            }
            var manifest = built.get().manifest();
            return Assembler.day(manifest, LocalDate.ofInstant(from, manifest.screen().timeZone()))
                    .plannedBefore(now);
        } catch (RuntimeException e) {
            // The dashboard must show even when planning fails; the failure is logged here, once per page.
            log.warn("Could not compute today's planned plays of screen {}: {}", screenId, e.toString());
            return null;
        }
    }

    /** "14:05:09 WIB" today, "24 Nov 14:05 WIB" on other days. */
    public static String when(Instant t, ZoneId zone, Instant now, Locale locale) {
        return id.ihati.videotron.admin.web.Format.of(locale).moment(t, zone, now);
    }

    /** "24 Nov 2026 14:05 WIB". */
    public static String full(Instant t, ZoneId zone, Locale locale) {
        return id.ihati.videotron.admin.web.Format.of(locale).dateTime(t, zone);
    }

    public static String zoneLabel(ZoneId zone) {
        return id.ihati.videotron.admin.web.Format.zoneLabel(zone);
    }
}
