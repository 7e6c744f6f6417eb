package id.ihati.videotron.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.ihati.videotron.admin.audit.AuditRoutes;
import id.ihati.videotron.admin.auth.AccountRoutes;
import id.ihati.videotron.admin.home.HomeRoutes;
import id.ihati.videotron.admin.media.MediaRoutes;
import id.ihati.videotron.admin.web.ClientAddress;
import id.ihati.videotron.admin.web.ConnectionLimits;
import id.ihati.videotron.admin.web.ErrorHandling;
import id.ihati.videotron.admin.users.UserRoutes;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.config.MultipartConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;

/** Builds the Javalin application from the server's services. Nothing here is static. */
public final class AdminApp {
    private AdminApp() {
    }

    /** The JSON mapper for the API: ISO-8601 times, and unknown fields refused so typos are not lost silently. */
    public static ObjectMapper jsonMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static Javalin create(Services services) {
        List<Routes> features = List.of(
                new AccountRoutes(services),
                new HomeRoutes(services),
                new UserRoutes(services),
                new AuditRoutes(services),
                new MediaRoutes(services),
                new id.ihati.videotron.admin.player.PlayerRoutes(services, (screenId, heartbeat) ->
                        new id.ihati.videotron.admin.dashboard.ScreenWatch(services).pictureReported(screenId)),
                new id.ihati.videotron.admin.screen.ScreenRoutes(services),
                new id.ihati.videotron.admin.dashboard.DashboardRoutes(services),
                new id.ihati.videotron.admin.dashboard.IncidentRoutes(services),
                new id.ihati.videotron.admin.booking.BookingRoutes(services),
                new id.ihati.videotron.admin.review.ReviewFeature(services));
        return Javalin.create(config -> {
            config.jetty.port = services.config.port();
            // Slow-header clients dropped after 10 s, idle connections after 60 s (web.ConnectionLimits).
            config.jetty.addConnector((server, http) -> ConnectionLimits.connector(server, http, null,
                    services.config.port()));
            // ctx.ip() is the client behind a trusted reverse proxy, else the direct peer.
            var clientAddress = new ClientAddress(services.config.trustedProxies());
            config.contextResolver.ip = clientAddress::of;
            config.jsonMapper(new JavalinJackson(jsonMapper(), false));
            config.staticFiles.add(staticFiles -> {
                staticFiles.hostedPath = "/assets";
                staticFiles.directory = "/assets";
                staticFiles.location = Location.CLASSPATH;
                staticFiles.roles = java.util.Set.of(id.ihati.videotron.admin.auth.Role.PUBLIC); // else 403
            });
            // Uploads go to disk above 1 MiB and are bounded: Javalin's defaults are unlimited.
            var multipart = new MultipartConfig();
            multipart.cacheDirectory(services.config.dataDir().resolve("tmp").toString());
            multipart.maxFileSize(services.config.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            multipart.maxTotalRequestSize(services.config.maxUploadBytes() + 1024 * 1024,
                    io.javalin.config.SizeUnit.BYTES);
            multipart.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig = multipart;
            config.http.maxRequestSize = 2 * 1024 * 1024;
            config.routes.before(new SecurityHeaders(services.config.secureCookies())::apply);
            config.routes.beforeMatched(services.access::check);
            ErrorHandling.register(config.routes, services);
            for (Routes feature : features) {
                feature.register(config.routes);
            }
        });
    }

}
