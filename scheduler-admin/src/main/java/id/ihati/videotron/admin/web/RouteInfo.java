package id.ihati.videotron.admin.web;

import io.javalin.security.RouteRole;
import java.util.Set;

/** A route the application serves: its method, path pattern (e.g. {@code /users/{id}}) and declared roles. */
public record RouteInfo(String method, String path, Set<RouteRole> roles) {
    public RouteInfo {
        roles = Set.copyOf(roles);
    }
}
