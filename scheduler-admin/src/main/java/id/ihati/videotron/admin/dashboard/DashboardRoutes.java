package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.web.Pages;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.Templates;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/** The start page for everyone signed in: what they must act on, and the live state of every screen. */
public final class DashboardRoutes implements Routes {
    private final Templates templates;
    private final Clock clock;
    private final Dashboard dashboard;
    private final Notices notices;

    public DashboardRoutes(Templates templates, Clock clock, Dashboard dashboard, Notices notices) {
        this.templates = templates;
        this.clock = clock;
        this.dashboard = dashboard;
        this.notices = notices;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> {
            var page = Pages.context(ctx);
            var cards = dashboard.cards(page.locale());
            Set<ZoneId> zones = new java.util.HashSet<>();
            cards.forEach(c -> zones.add(c.screen().profile().timeZone()));
            ZoneId zone = zones.size() == 1 ? zones.iterator().next()
                    : id.ihati.videotron.playlists.schedule.ScreenProfile.DEFAULT_ZONE;
            templates.render(ctx, "dashboard/index.jte", page, Map.of("cards", cards,
                    "now", Dashboard.when(clock.instant(), zone, clock.instant(), page.locale()),
                    "online", cards.stream().filter(ScreenCard::online).count(),
                    "incidents", cards.stream().mapToLong(c -> c.incidents().size()).sum(),
                    "notices", notices.of(page.user(), clock.instant())));
        }, Role.SIGNED_IN);
    }
}
