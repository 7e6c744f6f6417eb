package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What staff do with an incident: acknowledge it (someone is on it) or close it by hand, each with a note,
 * written together with its audit record. Editors and admins may; DPRD reviewers only read.
 */
public final class IncidentDesk {
    /** Who may acknowledge and close incidents. */
    public static final Role[] HANDLERS = {Role.ADMIN, Role.HEALTH_EDITOR, Role.CITY_EDITOR};
    public static final int MAX_NOTE = 1000;

    /** The two things a person can do. */
    public enum Action {
        ACKNOWLEDGE("incident.acknowledge"), CLOSE("incident.close");

        private final String auditCode;

        Action(String auditCode) {
            this.auditCode = auditCode;
        }

        public String auditCode() {
            return auditCode;
        }
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final Incidents incidents;

    public IncidentDesk(Jdbi jdbi, Clock clock, AuditLog audit, Incidents incidents) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.incidents = incidents;
    }

    public Optional<Incident> find(long id) {
        return incidents.find(id);
    }

    public static boolean mayHandle(User u) {
        return List.of(HANDLERS).contains(u.role());
    }

    /** The problems with a note, per field; empty when it will do. */
    public static List<Problem> check(String note) {
        if (note == null || note.isBlank()) {
            return List.of(Problem.of("note", "incident.noteRequired"));
        }
        if (note.strip().length() > MAX_NOTE) {
            return List.of(Problem.of("note", "incident.noteTooLong", MAX_NOTE));
        }
        return List.of();
    }

    /** Does {@code action} on incident {@code id} with {@code note}; refuses a missing note or a closed incident. */
    public Incident handle(User actor, long id, Action action, String note) {
        if (!mayHandle(actor)) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        Incident incident = find(id).orElseThrow(
                () -> new ValidationException(404, List.of(Problem.of(null, "error.notFound"))));
        List<Problem> problems = check(note);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String text = note.strip();
        boolean done = jdbi.inTransaction(h -> {
            boolean changed = action == Action.ACKNOWLEDGE
                    ? incidents.acknowledge(h, id, actor.username(), text, clock.instant())
                    : incidents.closeByHand(h, id, actor.username(), text, clock.instant());
            if (changed) {
                audit.record(h, actor.username(), action.auditCode(), "incident", Long.toString(id),
                        incident.screenId() + " " + incident.kind() + " " + incident.subject() + ": " + text);
            }
            return changed;
        });
        if (!done) {
            throw new ValidationException(409, List.of(Problem.of(null, "incident.alreadyClosed")));
        }
        return find(id).orElseThrow();
    }
}
