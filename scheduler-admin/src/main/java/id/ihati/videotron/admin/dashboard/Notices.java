package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.booking.BookingRecord;
import id.ihati.videotron.admin.booking.Scheduling;
import id.ihati.videotron.admin.review.comments.Comment;
import id.ihati.videotron.admin.review.comments.CommentService;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.timeline.Shortfall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the signed-in person must act on, for the dashboard: content awaiting their approval, their bookings that
 * lose plays today, DPRD comments on their bookings nobody has answered, and open incidents. Each notice links to
 * the page where it is acted on. A booking is "theirs" when they created it.
 */
public final class Notices {

    /** The kinds of notice, in the order the dashboard shows them. */
    public enum Kind { APPROVALS, LOST_PLAYS, COMMENTS, INCIDENTS }

    /**
     * One thing to act on, about one booking or item.
     *
     * @param count what the kind counts for it (plays lost, unanswered threads)
     * @param of    what it is counted against (plays asked for), or 0
     */
    public record Line(String title, String link, int count, int of) {
    }

    /** A notice: how many, where to act, and for bookings one line each. */
    public record Notice(Kind kind, int count, String link, List<Line> lines) {
        public Notice {
            lines = List.copyOf(lines);
        }
    }

    private final Jdbi jdbi;
    private final Scheduling scheduling;
    private final CommentService comments;
    private final Incidents incidents;

    public Notices(Jdbi jdbi, Scheduling scheduling, CommentService comments, Incidents incidents) {
        this.jdbi = jdbi;
        this.scheduling = scheduling;
        this.comments = comments;
        this.incidents = incidents;
    }

    /** The notices for {@code user} at {@code now}; empty when there is nothing to do. */
    public List<Notice> of(User user, Instant now) {
        List<Notice> out = new ArrayList<>();
        approvals(user).ifPresent(out::add);
        if (ownsBookings(user.role())) {
            Map<String, BookingRecord> mine = new LinkedHashMap<>();
            scheduling.workingSet().stream().filter(r -> user.username().equals(r.createdBy()))
                    .forEach(r -> mine.put(r.id(), r));
            if (!mine.isEmpty()) {
                lostPlays(mine, scheduling.publishedShortfalls(now)).ifPresent(out::add);
                comments(mine).ifPresent(out::add);
            }
        }
        if (List.of(IncidentDesk.HANDLERS).contains(user.role())) {
            int open = incidents.open().size();
            if (open > 0) {
                out.add(new Notice(Kind.INCIDENTS, open, "/incidents", List.of()));
            }
        }
        return out;
    }

    private static boolean ownsBookings(Role role) {
        return role == Role.ADMIN || role == Role.HEALTH_EDITOR || role == Role.CITY_EDITOR;
    }

    /** Pending content the user decides on (see MediaRules: health editors all, city editors city items). */
    private Optional<Notice> approvals(User user) {
        if (user.role() != Role.HEALTH_EDITOR && user.role() != Role.CITY_EDITOR) {
            return Optional.empty();
        }
        Category only = user.role() == Role.CITY_EDITOR ? Category.CITY : null;
        Map<Category, Integer> pending = new EnumMap<>(Category.class);
        jdbi.useHandle(h -> h.createQuery("SELECT category, COUNT(*) FROM media WHERE status = 'PENDING' "
                        + "GROUP BY category")
                .map((rs, ctx) -> Map.entry(Category.valueOf(rs.getString(1)), rs.getInt(2)))
                .forEach(e -> pending.put(e.getKey(), e.getValue())));
        int count = only == null ? pending.values().stream().mapToInt(Integer::intValue).sum()
                : pending.getOrDefault(only, 0);
        String link = "/media?status=PENDING" + (only == null ? "" : "&category=" + only.name());
        return count == 0 ? Optional.empty()
                : Optional.of(new Notice(Kind.APPROVALS, count, link, List.of()));
    }

    /**
     * The user's bookings that get fewer plays today than they ask for, summed over screens. Hours outside a
     * screen's operating hours are never a loss.
     */
    static Optional<Notice> lostPlays(Map<String, BookingRecord> mine, List<Shortfall> shortfalls) {
        Map<String, int[]> byBooking = new LinkedHashMap<>();
        for (Shortfall x : shortfalls) {
            if (mine.containsKey(x.bookingId()) && x.missing() > 0
                    && x.reason() != Shortfall.Reason.OUTSIDE_OPERATING_HOURS) {
                int[] c = byBooking.computeIfAbsent(x.bookingId(), k -> new int[2]);
                c[0] += x.missing();
                c[1] += x.requested();
            }
        }
        if (byBooking.isEmpty()) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        byBooking.forEach((id, c) -> lines.add(new Line(mine.get(id).booking().title(), "/bookings/" + id, c[0],
                c[1])));
        return Optional.of(new Notice(Kind.LOST_PLAYS, lines.size(), "/bookings", lines));
    }

    /** Threads DPRD started on the user's bookings that nobody on the staff side has answered. */
    private Optional<Notice> comments(Map<String, BookingRecord> mine) {
        Map<String, Integer> unanswered = new LinkedHashMap<>();
        for (Comment.Thread t : comments.repository().latestThreads(500)) {
            var subject = t.first().subject();
            if (subject.type() == Comment.Subject.Type.BOOKING && mine.containsKey(subject.id())
                    && t.first().authorRole() == Role.REVIEWER && t.unanswered()) {
                unanswered.merge(subject.id(), 1, Integer::sum);
            }
        }
        if (unanswered.isEmpty()) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        unanswered.forEach((id, n) -> lines.add(new Line(mine.get(id).booking().title(),
                "/review/bookings/" + id + "#comments", n, 0)));
        int threads = unanswered.values().stream().mapToInt(Integer::intValue).sum();
        return Optional.of(new Notice(Kind.COMMENTS, threads, "/review/comments", lines));
    }
}
