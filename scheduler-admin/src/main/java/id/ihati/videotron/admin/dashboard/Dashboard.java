package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.player.ManifestService;
import id.ihati.videotron.admin.player.ProofOfPlay;
import id.ihati.videotron.admin.player.ScreenStatus;
import id.ihati.videotron.admin.player.Screenshots;
import id.ihati.videotron.admin.player.StatusRepository;
import id.ihati.videotron.admin.screen.Screen;
import id.ihati.videotron.playlists.assembly.Assembler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the {@link ScreenCard}s of the dashboard and the screen pages. */
public final class Dashboard {
    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);
    private static final Map<String, String> ZONE_LABELS = Map.of("Asia/Jakarta", "WIB", "Asia/Pontianak", "WIB",
            "Asia/Makassar", "WITA", "Asia/Jayapura", "WIT");
    private final Services s;
    private final StatusRepository status;
    private final Screenshots screenshots;
    private final ProofOfPlay plays;
    private final Incidents incidents;

    public Dashboard(Services services) {
        this.s = services;
        this.status = new StatusRepository(services.jdbi);
        this.screenshots = new Screenshots(services.jdbi, services.clock, services.config.dataDir());
        this.plays = new ProofOfPlay(services.jdbi, services.clock);
        this.incidents = new Incidents(services.jdbi);
    }

    public List<ScreenCard> cards(Locale locale) {
        Instant now = s.clock.instant();
        Map<String, ScreenStatus> all = status.all();
        List<Incident> open = incidents.open();
        return s.screens.all().stream().map(screen -> card(screen, all.get(screen.id()),
                open.stream().filter(i -> i.screenId().equals(screen.id())).toList(), now, locale)).toList();
    }

    public Optional<ScreenCard> card(String screenId, Locale locale) {
        Instant now = s.clock.instant();
        return s.screens.find(screenId).map(screen -> card(screen, status.find(screenId).orElse(null),
                incidents.open().stream().filter(i -> i.screenId().equals(screenId)).toList(), now, locale));
    }

    private ScreenCard card(Screen screen, ScreenStatus st, List<Incident> incidents, Instant now, Locale locale) {
        List<Incident> open = incidents.stream().map(this::named).toList();
        ZoneId zone = screen.profile().timeZone();
        var token = s.deviceTokens.live(screen.id()).orElse(null);
        var shot = screenshots.latest(screen.id()).orElse(null);
        Instant midnight = now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        int reported = plays.count(screen.id(), midnight, now.plusSeconds(1));
        return new ScreenCard(screen, st, st != null && st.online(now),
                st == null ? null : when(st.lastSeen(), zone, now, locale), token,
                token == null ? null : when(token.createdAt(), zone, now, locale), shot,
                shot == null ? null : when(shot.takenAt(), zone, now, locale), screenshots.pending(screen.id()),
                open, reported, planned(screen.id(), midnight, now), zoneLabel(zone));
    }

    /** A media error names the item as staff know it, its title, with the id after it: "Video DBD (m-68c9…)". */
    private Incident named(Incident i) {
        if (i.kind() != Incident.Kind.MEDIA_ERROR) {
            return i;
        }
        return s.mediaCatalog.summary(i.subject())
                .map(m -> new Incident(i.id(), i.screenId(), i.kind(), m.title() + " (" + i.subject() + ")",
                        i.detail(), i.openedAt(), i.closedAt()))
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
            Optional<ManifestService.Built> built = s.playerHub.manifests().current(screenId);
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
        var local = t.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String pattern = local.toLocalDate().equals(today) ? "HH:mm:ss" : "d MMM yyyy HH:mm";
        return DateTimeFormatter.ofPattern(pattern, locale).format(local) + " " + zoneLabel(zone);
    }

    /** "24 Nov 2026 14:05 WIB". */
    public static String full(Instant t, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).format(t.atZone(zone)) + " " + zoneLabel(zone);
    }

    public static String zoneLabel(ZoneId zone) {
        return ZONE_LABELS.getOrDefault(zone.getId(), zone.getId());
    }
}
