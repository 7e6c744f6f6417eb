package id.ihati.videotron.admin.web;

import io.javalin.config.RoutesConfig;

/**
 * A feature's routes. Every route must name the roles that may use it (see
 * {@link id.ihati.videotron.admin.auth.Role}); a route that names none is refused to everyone.
 */
public interface Routes {
    void register(RoutesConfig routes);
}
