package id.ihati.videotron.admin.screen;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.util.HashMap;
import java.util.List;

/**
 * The rules of changing screens: every change is audited in the same transaction and then pushed to the
 * players ({@code scheduleChanged}), so a new slot length or output rectangle reaches a videotron at once.
 */
public final class ScreenService {
    private final Services s;

    public ScreenService(Services services) {
        this.s = services;
    }

    public ScreenProfile create(String actor, ScreenForm form) {
        ScreenProfile p = form.toProfile();
        s.jdbi.useTransaction(h -> {
            if (s.screens.exists(h, p.id())) {
                throw ValidationException.of("id", "screen.idTaken", p.id());
            }
            s.screens.insert(h, p, form.notes(), s.clock.instant());
            s.audit.record(h, actor, "SCREEN_CREATE", "screen", p.id(), describe(p));
        });
        s.playerEvents.scheduleChanged();
        return p;
    }

    /** Replaces the profile of screen {@code id}; the id itself never changes (players and bookings use it). */
    public ScreenProfile update(String actor, String id, ScreenForm form) {
        var values = new HashMap<>(form.values());
        values.put("id", id);
        ScreenForm fixed = new ScreenForm(values);
        ScreenProfile p = fixed.toProfile();
        s.jdbi.useTransaction(h -> {
            if (!s.screens.update(h, p, fixed.notes(), s.clock.instant())) {
                throw new ValidationException(404, List.of(
                        Problem.of(null, "error.notFound")));
            }
            s.audit.record(h, actor, "SCREEN_UPDATE", "screen", id, describe(p));
        });
        s.playerEvents.scheduleChanged();
        return p;
    }

    /** Claims a pairing code for the screen (the player collects its token on its next poll). */
    public void pair(String actor, String id, String code) {
        requireScreen(id);
        s.pairing.claim(code, id, actor);
    }

    /** Revokes the screen's device token: its player gets 401 from now on, on this node at once. */
    public int revoke(String actor, String id) {
        requireScreen(id);
        int n = s.jdbi.inTransaction(h -> {
            int revoked = s.deviceTokens.revoke(h, id, actor);
            s.audit.record(h, actor, "DEVICE_REVOKE", "screen", id, revoked + " token(s)");
            return revoked;
        });
        s.deviceTokens.forget(id);
        return n;
    }

    public void requestScreenshot(String actor, String id) {
        requireScreen(id);
        s.audit.record(actor, "SCREENSHOT_REQUEST", "screen", id, null);
        s.playerEvents.requestScreenshot(id);
    }

    private void requireScreen(String id) {
        if (s.screens.find(id).isEmpty()) {
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
