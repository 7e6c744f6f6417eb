package id.ihati.videotron.admin.review.comments;

import id.ihati.videotron.admin.auth.Role;
import java.time.Instant;
import java.util.List;

/**
 * One comment. {@code parentId} is {@code null} for a thread's first comment; answers point to it.
 *
 * @param authorName the author's display name, shown to signed-in staff only (never in the open feed)
 */
public record Comment(long id, Subject subject, Long parentId, String authorName, String authorOrganisation,
                     Role authorRole, String body, Instant createdAt) {

    /** What a comment is about. */
    public record Subject(Type type, String id) {
        public enum Type { BOOKING, VERSION }

        public Subject {
            java.util.Objects.requireNonNull(type, "type");
            java.util.Objects.requireNonNull(id, "id");
        }
    }

    /** A first comment and its answers, oldest first. */
    public record Thread(Comment first, List<Comment> answers) {
        public Thread {
            answers = List.copyOf(answers);
        }

        /** True when nobody but the asker's side has answered yet. */
        public boolean unanswered() {
            return answers.stream().noneMatch(a -> a.authorRole() != Role.REVIEWER);
        }
    }
}
