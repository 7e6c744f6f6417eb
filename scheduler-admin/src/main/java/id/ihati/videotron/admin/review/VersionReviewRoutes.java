package id.ihati.videotron.admin.review;

import id.ihati.videotron.admin.review.ReviewSources.VersionInForce;
import id.ihati.videotron.admin.review.Views.Change;
import id.ihati.videotron.admin.review.Views.VersionLine;
import id.ihati.videotron.admin.review.comments.Comment.Subject;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.playlists.schedule.Booking;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The published schedule versions, each with what changed from the one before it. */
final class VersionReviewRoutes implements Routes {
    private final ReviewService review;
    private final ReviewPage pages;

    VersionReviewRoutes(ReviewService review, ReviewPage pages) {
        this.review = review;
        this.pages = pages;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/review/versions", this::versions, ReviewRoutes.READERS);
        routes.get("/review/versions/{n}", this::version, ReviewRoutes.READERS);
    }

    private void versions(Context ctx) {
        Map<String, Integer> counts = review.comments().countsBy(Subject.Type.VERSION);
        pages.render(ctx, "review/versions.jte", Map.of("versions", versionLines(counts)));
    }

    private void version(Context ctx) {
        String n = ctx.pathParam("n");
        VersionLine line = versionLines(Map.of()).stream().filter(v -> Long.toString(v.version()).equals(n))
                .findFirst().orElseThrow(NotFoundResponse::new);
        var subject = new Subject(Subject.Type.VERSION, n);
        pages.render(ctx, "review/version.jte", Map.of("version", line, "zone", review.zone(),
                "threads", review.comments().repository().threads(subject), "subject", subject));
    }

    private List<VersionLine> versionLines(Map<String, Integer> counts) {
        LocalDate today = review.today();
        List<VersionInForce> all = review.versions(today.minusDays(3650), today.plusDays(1));
        var lines = new ArrayList<VersionLine>();
        for (int i = all.size() - 1; i >= 0; i--) {
            VersionInForce v = all.get(i);
            List<Booking> before = i == 0 ? List.of() : all.get(i - 1).schedule().bookings();
            lines.add(new VersionLine(v.version(), v.from(), v.schedule().bookings().size(),
                    diff(before, v.schedule().bookings()), counts.getOrDefault(Long.toString(v.version()), 0)));
        }
        return lines;
    }

    /** Bookings added, removed and changed from one version to the next. */
    static List<Change> diff(List<Booking> before, List<Booking> after) {
        Map<String, Booking> old = new LinkedHashMap<>();
        before.forEach(b -> old.put(b.id(), b));
        var out = new ArrayList<Change>();
        for (Booking b : after) {
            Booking o = old.remove(b.id());
            if (o == null) {
                out.add(new Change("added", b.id(), b.title(), b.dateFrom() + " – " + b.dateTo()));
            } else if (!o.equals(b)) {
                out.add(new Change("changed", b.id(), b.title(), changes(o, b)));
            }
        }
        old.values().forEach(b -> out.add(new Change("removed", b.id(), b.title(), b.dateFrom() + " – "
                + b.dateTo())));
        return out;
    }

    private static String changes(Booking a, Booking b) {
        var parts = new ArrayList<String>();
        if (!a.title().equals(b.title())) {
            parts.add("judul/title: " + a.title() + " → " + b.title());
        }
        if (!a.dateFrom().equals(b.dateFrom()) || !a.dateTo().equals(b.dateTo())) {
            parts.add("periode: " + a.dateFrom() + "–" + a.dateTo() + " → " + b.dateFrom() + "–" + b.dateTo());
        }
        if (!a.frequency().equals(b.frequency())) {
            parts.add("frekuensi: " + a.frequency() + " → " + b.frequency());
        }
        if (!a.windows().equals(b.windows())) {
            parts.add("jam: " + Views.windows(a.windows()) + " → " + Views.windows(b.windows()));
        }
        if (!a.targets().equals(b.targets())) {
            parts.add("layar/screens");
        }
        if (!a.items().equals(b.items())) {
            parts.add("konten/content");
        }
        if (a.priority() != b.priority()) {
            parts.add("prioritas: " + a.priority() + " → " + b.priority());
        }
        if (!a.weekdays().equals(b.weekdays())) {
            parts.add("hari/weekdays");
        }
        return String.join("; ", parts);
    }
}
