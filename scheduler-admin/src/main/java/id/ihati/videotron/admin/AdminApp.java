package id.ihati.videotron.admin;

import id.ihati.videotron.admin.web.ClientAddress;
import id.ihati.videotron.admin.web.ConnectionLimits;
import id.ihati.videotron.admin.web.ErrorHandling;
import id.ihati.videotron.admin.web.Json;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.SecurityHeaders;
import io.javalin.Javalin;
import io.javalin.config.MultipartConfig;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;

/** Builds the Javalin application from the server's parts ({@link Wiring}). Nothing here is static. */
public final class AdminApp {
    private AdminApp() {
    }

    public static Javalin create(Wiring wiring) {
        return Javalin.create(config -> {
            config.jetty.port = wiring.config.port();
            // Slow-header clients dropped after 10 s, idle connections after 60 s (web.ConnectionLimits).
            config.jetty.addConnector((server, http) -> ConnectionLimits.connector(server, http, null,
                    wiring.config.port()));
            // ctx.ip() is the client behind a trusted reverse proxy, else the direct peer.
            var clientAddress = new ClientAddress(wiring.config.trustedProxies());
            config.contextResolver.ip = clientAddress::of;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.staticFiles.add(staticFiles -> {
                staticFiles.hostedPath = "/assets";
                staticFiles.directory = "/assets";
                staticFiles.location = Location.CLASSPATH;
                staticFiles.roles = java.util.Set.of(id.ihati.videotron.admin.auth.Role.PUBLIC); // else 403
            });
            // Uploads go to disk above 1 MiB and are bounded: Javalin's defaults are unlimited.
            var multipart = new MultipartConfig();
            multipart.cacheDirectory(wiring.config.dataDir().resolve("tmp").toString());
            multipart.maxFileSize(wiring.config.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            multipart.maxTotalRequestSize(wiring.config.maxUploadBytes() + 1024 * 1024,
                    io.javalin.config.SizeUnit.BYTES);
            multipart.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.jetty.multipartConfig = multipart;
            config.http.maxRequestSize = 2 * 1024 * 1024;
            config.routes.before(new SecurityHeaders(wiring.config.secureCookies())::apply);
            config.routes.beforeMatched(wiring.access::check);
            ErrorHandling.register(config.routes, wiring.templates);
            for (Routes feature : wiring.routes) {
                feature.register(config.routes);
            }
        });
    }

}
