package id.ihati.videotron.admin.home;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.web.Routes;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** {@code /healthz}; the start page is the dashboard ({@code dashboard.DashboardRoutes}). */
public final class HomeRoutes implements Routes {
    private final Jdbi jdbi;

    public HomeRoutes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/healthz", ctx -> {
            jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            ctx.json(Map.of("status", "ok"));
        }, Role.PUBLIC);
    }
}
