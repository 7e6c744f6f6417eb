package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.Services;
import id.ihati.videotron.admin.player.ScreenStatus;
import id.ihati.videotron.admin.player.StatusRepository;
import id.ihati.videotron.admin.screen.Screen;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what players report into incidents: a paired screen silent for three heartbeats is OFFLINE (closed
 * when it beats again); free disk under {@link #DISK_LOW_BYTES} is DISK_LOW; media a player could not play
 * (reported in heartbeats or as failed plays) is MEDIA_ERROR until that media completes a play again; a player
 * holding proof-of-play records of an earlier screen it cannot upload is HELD_PLAYS while it reports them.
 */
public final class ScreenWatch {
    public static final long DISK_LOW_BYTES = 2L * 1024 * 1024 * 1024;
    private final Services s;
    private final Incidents incidents;
    private final StatusRepository status;

    public ScreenWatch(Services services) {
        this.s = services;
        this.incidents = new Incidents(services.jdbi);
        this.status = new StatusRepository(services.jdbi);
    }

    /** One round at {@code now}. */
    public void check(Instant now) {
        Map<String, ScreenStatus> all = status.all();
        for (Screen screen : s.screens.all()) {
            String id = screen.id();
            ScreenStatus st = all.get(id);
            var token = s.deviceTokens.live(id);
            if (token.isPresent()) {
                Instant since = st != null ? st.lastSeen() : token.get().createdAt();
                if (!now.isBefore(since.plus(ScreenStatus.OFFLINE_AFTER))) {
                    incidents.open(id, Incident.Kind.OFFLINE, "", "last seen " + since, since, now);
                } else {
                    incidents.close(id, Incident.Kind.OFFLINE, "", now);
                }
            } else {
                incidents.close(id, Incident.Kind.OFFLINE, "", now);
            }
            if (st == null) {
                continue;
            }
            if (st.freeDiskBytes() != null && st.freeDiskBytes() < DISK_LOW_BYTES) {
                incidents.open(id, Incident.Kind.DISK_LOW, "", st.freeDiskBytes() / (1024 * 1024) + " MiB free", now);
            } else if (st.freeDiskBytes() != null) {
                incidents.close(id, Incident.Kind.DISK_LOW, "", now);
            }
            if (st.heldPlays() != null && st.heldPlays() > 0) {
                incidents.open(id, Incident.Kind.HELD_PLAYS, "", st.heldPlays() + " records held", now);
            } else {
                incidents.close(id, Incident.Kind.HELD_PLAYS, "", now);
            }
            mediaErrors(id, st, now);
        }
    }

    private void mediaErrors(String screenId, ScreenStatus st, Instant now) {
        Map<String, String> failing = new LinkedHashMap<>();
        if (st.mediaErrors() != null) {
            for (String line : st.mediaErrors().split("\n")) {
                String[] kv = line.split(": ", 2);
                if (!kv[0].isBlank()) {
                    failing.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
        }
        // Failed plays of the last ten minutes count too: a player that only reports plays is still heard.
        s.jdbi.useHandle(h -> h.createQuery("""
                        SELECT media_id, error FROM play_record WHERE screen_id = :s AND error IS NOT NULL
                        AND NOT completed AND actual_start > :since""")
                .bind("s", screenId).bind("since", Timestamp.from(now.minusSeconds(600)))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> failing.putIfAbsent(e.getKey(), e.getValue())));
        for (var e : failing.entrySet()) {
            incidents.open(screenId, Incident.Kind.MEDIA_ERROR, e.getKey(), e.getValue(), now);
        }
        Set<String> stillFailing = new HashSet<>(failing.keySet());
        for (Incident i : incidents.openFor(screenId, Incident.Kind.MEDIA_ERROR)) {
            if (stillFailing.contains(i.subject())) {
                continue;
            }
            boolean playedSince = s.jdbi.withHandle(h -> h.createQuery("""
                            SELECT COUNT(*) FROM play_record WHERE screen_id = :s AND media_id = :m AND completed
                            AND actual_start > :since""")
                    .bind("s", screenId).bind("m", i.subject()).bind("since", Timestamp.from(i.openedAt()))
                    .mapTo(Integer.class).one() > 0);
            if (playedSince) {
                incidents.close(screenId, Incident.Kind.MEDIA_ERROR, i.subject(), now);
            }
        }
    }

    /** The screens currently open as OFFLINE. */
    public List<Incident> offline() {
        return incidents.open().stream().filter(i -> i.kind() == Incident.Kind.OFFLINE).toList();
    }
}
