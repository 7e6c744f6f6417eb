package id.ihati.videotron.admin.home;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.web.Routes;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** {@code /healthz}; the start page is the dashboard ({@code dashboard.DashboardRoutes}). */
public final class HomeRoutes implements Routes {
    private final Services s;

    public HomeRoutes(Services services) {
        this.s = services;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> {
            s.jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            ctx.json(Map.of("status", "ok"));
        }, Role.PUBLIC);
    }
}
