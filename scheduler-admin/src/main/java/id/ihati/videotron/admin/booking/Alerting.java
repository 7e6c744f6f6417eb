package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Alert;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Alerts: put up at once and cancelled at once; they are not versioned like bookings. */
final class Alerting {
    private static final Logger log = LoggerFactory.getLogger(Alerting.class);
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final AlertRepository alerts;
    private final Runnable onChange;

    Alerting(Jdbi jdbi, Clock clock, AuditLog audit, AlertRepository alerts, Runnable onChange) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.alerts = alerts;
        this.onChange = onChange;
    }

    /** Puts up an alert; it is on the street as soon as the players hear of it (at once, over SSE). */
    public AlertRecord raiseAlert(User actor, Alert alert) {
        if (!Scheduling.mayAlert(actor.role())) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        Instant now = clock.instant();
        AlertState state = alert.from().isAfter(now) ? AlertState.SCHEDULED : AlertState.ACTIVE;
        jdbi.useTransaction(h -> {
            alerts.insert(h, alert, state, actor.username(), now);
            audit.record(h, actor.username(), "ALERT_RAISE", "alert", alert.id(), alert.title());
        });
        log.info("{} raised alert {} ({})", actor.username(), alert.id(), alert.title());
        changed();
        return alerts.find(alert.id()).orElseThrow();
    }

    /** Cancels a live alert at once; false if it had already ended or been cancelled. */
    public boolean cancelAlert(User actor, String id) {
        if (!Scheduling.mayAlert(actor.role())) {
            throw new ValidationException(403, List.of(Problem.of(null, "error.forbidden")));
        }
        boolean done = jdbi.inTransaction(h -> {
            boolean c = alerts.cancel(h, id, actor.username(), clock.instant());
            if (c) {
                audit.record(h, actor.username(), "ALERT_CANCEL", "alert", id, null);
            }
            return c;
        });
        if (done) {
            log.info("{} cancelled alert {}", actor.username(), id);
            changed();
        }
        return done;
    }

    public List<Alert> liveAlerts() {
        return alerts.live(clock.instant()).stream().map(AlertRecord::alert).toList();
    }

    private void changed() {
        onChange.run();
    }
}
