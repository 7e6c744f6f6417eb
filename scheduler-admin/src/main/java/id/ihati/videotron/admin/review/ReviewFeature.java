package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.review.feed.FeedRoutes;
import id.ihati.videotron.admin.web.Routes;
import io.javalin.config.RoutesConfig;

/** The review feature's routes, registered with one line in {@code AdminApp}: the pages and the open feed. */
public final class ReviewFeature implements Routes {
    private final Services services;

    public ReviewFeature(Services services) {
        this.services = services;
    }

    @Override
    public void register(RoutesConfig routes) {
        new ReviewRoutes(services, services.review).register(routes);
        new FeedRoutes(services, services.review).register(routes);
    }
}
