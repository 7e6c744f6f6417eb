package id.ihati.videotron.admin.review.comments;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.review.comments.Comment.Subject;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.function.Predicate;
import org.jdbi.v3.core.Jdbi;

/** The rules for comments: what may be said about what, and by whom. Each comment is audited with it. */
public final class CommentService {
    public static final int MAX_LENGTH = 2000;
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final CommentRepository repository;
    private final Predicate<Subject> subjectExists;

    /** {@code subjectExists} says whether a booking or schedule version of that id exists. */
    public CommentService(Jdbi jdbi, Clock clock, AuditLog audit, Predicate<Subject> subjectExists) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.repository = new CommentRepository(jdbi);
        this.subjectExists = subjectExists;
    }

    public CommentRepository repository() {
        return repository;
    }

    /** How many comments (answers included) each subject of this type has, among the latest 500 threads. */
    public java.util.Map<String, Integer> countsBy(Subject.Type type) {
        var out = new java.util.HashMap<String, Integer>();
        for (Comment.Thread t : repository.latestThreads(500)) {
            if (t.first().subject().type() == type) {
                out.merge(t.first().subject().id(), 1 + t.answers().size(), Integer::sum);
            }
        }
        return out;
    }

    /** Adds a comment, or an answer when {@code parentId} is given; returns its id. */
    public long add(User author, Subject subject, Long parentId, String body) {
        var problems = new ArrayList<Problem>();
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            problems.add(Problem.of("body", "review.comment.empty"));
        } else if (text.length() > MAX_LENGTH) {
            problems.add(Problem.of("body", "review.comment.tooLong", MAX_LENGTH));
        }
        if (!subjectExists.test(subject)) {
            problems.add(Problem.of(null, "review.comment.noSubject"));
        }
        if (parentId != null) {
            var parent = repository.find(parentId);
            if (parent.isEmpty() || parent.get().parentId() != null || !parent.get().subject().equals(subject)) {
                problems.add(Problem.of("parent", "review.comment.badParent"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return jdbi.inTransaction(h -> {
            long id = repository.insert(h, subject, parentId, author.id(), text, clock.instant());
            audit.record(h, author.username(), parentId == null ? "review.comment" : "review.comment.answer",
                    subject.type().name().toLowerCase(java.util.Locale.ROOT), subject.id(),
                    "comment " + id + (parentId == null ? "" : " answering " + parentId));
            return id;
        });
    }
}
