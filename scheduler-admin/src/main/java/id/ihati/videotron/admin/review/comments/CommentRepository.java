package id.ihati.videotron.admin.review.comments;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.review.comments.Comment.Subject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Comments in {@code review_comment}, with their authors' names from {@code app_user}. */
public final class CommentRepository {
    private static final String SELECT = """
            SELECT c.id, c.subject_type, c.subject_id, c.parent_id, c.body, c.created_at,
                   u.display_name, u.organisation, u.role
            FROM review_comment c JOIN app_user u ON u.id = c.author_id""";
    private final Jdbi jdbi;

    public CommentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private static Comment map(ResultSet rs) throws SQLException {
        long parentId = rs.getLong("parent_id");
        Long parent = rs.wasNull() ? null : parentId;
        return new Comment(rs.getLong("id"),
                new Subject(Subject.Type.valueOf(rs.getString("subject_type")), rs.getString("subject_id")),
                parent, rs.getString("display_name"), rs.getString("organisation"),
                Role.valueOf(rs.getString("role")), rs.getString("body"), rs.getTimestamp("created_at").toInstant());
    }

    public long insert(Handle h, Subject subject, Long parentId, long authorId, String body, Instant now) {
        return h.createUpdate("""
                        INSERT INTO review_comment (subject_type, subject_id, parent_id, author_id, body, created_at)
                        VALUES (:type, :id, :parent, :author, :body, :now)""")
                .bind("type", subject.type().name()).bind("id", subject.id()).bind("parent", parentId)
                .bind("author", authorId).bind("body", body).bind("now", Timestamp.from(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public Optional<Comment> find(long id) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE c.id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** The threads about one subject, oldest first. */
    public List<Comment.Thread> threads(Subject subject) {
        return group(jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE c.subject_type = :type AND c.subject_id = :id ORDER BY c.id")
                .bind("type", subject.type().name()).bind("id", subject.id())
                .map((rs, ctx) -> map(rs)).list()));
    }

    /** The newest threads about anything, newest first. */
    public List<Comment.Thread> latestThreads(int limit) {
        List<Comment> firsts = jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE c.parent_id IS NULL ORDER BY c.id DESC LIMIT :limit")
                .bind("limit", limit).map((rs, ctx) -> map(rs)).list());
        if (firsts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = firsts.stream().map(Comment::id).toList();
        List<Comment> answers = jdbi.withHandle(h -> h.createQuery(SELECT
                        + " WHERE c.parent_id IN (<ids>) ORDER BY c.id")
                .bindList("ids", ids).map((rs, ctx) -> map(rs)).list());
        var all = new ArrayList<>(firsts);
        all.addAll(answers);
        var threads = group(all);
        threads.sort((a, b) -> Long.compare(b.first().id(), a.first().id()));
        return threads;
    }

    private static List<Comment.Thread> group(List<Comment> comments) {
        Map<Long, Comment> firsts = new LinkedHashMap<>();
        Map<Long, List<Comment>> answers = new LinkedHashMap<>();
        for (Comment c : comments) {
            if (c.parentId() == null) {
                firsts.put(c.id(), c);
                answers.putIfAbsent(c.id(), new ArrayList<>());
            } else {
                answers.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            }
        }
        var out = new ArrayList<Comment.Thread>();
        firsts.forEach((id, first) -> out.add(new Comment.Thread(first, answers.get(id))));
        return out;
    }
}
