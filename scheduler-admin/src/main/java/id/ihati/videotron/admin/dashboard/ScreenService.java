package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.player.DeviceTokens;
import id.ihati.videotron.admin.player.Pairing;
import id.ihati.videotron.admin.player.PlayerEvents;
import id.ihati.videotron.admin.screen.ScreenForm;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.screen.ScreenText;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of changing screens: every change is audited in the same transaction and then pushed to the
 * players ({@code scheduleChanged}), so a new slot length or output rectangle reaches a videotron at once.
 */
public final class ScreenService {
    private final Jdbi jdbi;
    private final Clock clock;
    private final AuditLog audit;
    private final ScreenRepository screens;
    private final DeviceTokens deviceTokens;
    private final Pairing pairing;
    private final PlayerEvents playerEvents;

    public ScreenService(Jdbi jdbi, Clock clock, AuditLog audit, ScreenRepository screens, DeviceTokens deviceTokens,
                         Pairing pairing, PlayerEvents playerEvents) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.audit = audit;
        this.screens = screens;
        this.deviceTokens = deviceTokens;
        this.pairing = pairing;
        this.playerEvents = playerEvents;
    }

    public ScreenProfile create(String actor, ScreenForm form) {
        ScreenProfile p = form.toProfile();
        jdbi.useTransaction(h -> {
            if (screens.exists(h, p.id())) {
                throw ValidationException.of("id", "screen.idTaken", p.id());
            }
            screens.insert(h, p, form.notes(), clock.instant());
            audit.record(h, actor, "SCREEN_CREATE", "screen", p.id(), describe(p));
        });
        playerEvents.scheduleChanged();
        return p;
    }

    /** Replaces the profile of screen {@code id}; the id itself never changes (players and bookings use it). */
    public ScreenProfile update(String actor, String id, ScreenForm form) {
        var values = new HashMap<>(form.values());
        values.put("id", id);
        ScreenForm fixed = new ScreenForm(values);
        ScreenProfile p = fixed.toProfile();
        jdbi.useTransaction(h -> {
            if (!screens.update(h, p, fixed.notes(), clock.instant())) {
                throw new ValidationException(404, List.of(
                        Problem.of(null, "error.notFound")));
            }
            audit.record(h, actor, "SCREEN_UPDATE", "screen", id, describe(p));
        });
        playerEvents.scheduleChanged();
        return p;
    }

    /** Claims a pairing code for the screen (the player collects its token on its next poll). */
    public void pair(String actor, String id, String code) {
        requireScreen(id);
        pairing.claim(code, id, actor);
    }

    /** Revokes the screen's device token: its player gets 401 from now on, on this node at once. */
    public int revoke(String actor, String id) {
        requireScreen(id);
        int n = jdbi.inTransaction(h -> {
            int revoked = deviceTokens.revoke(h, id, actor);
            audit.record(h, actor, "DEVICE_REVOKE", "screen", id, revoked + " token(s)");
            return revoked;
        });
        deviceTokens.forget(id);
        return n;
    }

    public void requestScreenshot(String actor, String id) {
        requireScreen(id);
        audit.record(actor, "SCREENSHOT_REQUEST", "screen", id, null);
        playerEvents.requestScreenshot(id);
    }

    private void requireScreen(String id) {
        if (screens.find(id).isEmpty()) {
            throw new ValidationException(404, List.of(
                    Problem.of(null, "error.notFound")));
        }
    }

    private static String describe(ScreenProfile p) {
        return p.name() + ", " + p.resolution() + ", loop " + p.loopSeconds() + " s / slot " + p.slotSeconds()
                + " s, " + p.timeZone() + ", fit " + p.fitMode() + ", audio " + (p.audio() ? "on" : "off")
                + ", groups " + p.groups() + ", output " + p.output() + ", hours "
                + ScreenText.formatHours(p.operatingHours()) + ", shares " + ScreenText.formatShares(p.minSharePercent());
    }
}
