package id.ihati.videotron.admin.dashboard;

import id.ihati.videotron.admin.player.DeviceTokens;
import id.ihati.videotron.admin.player.ScreenStatus;
import id.ihati.videotron.admin.player.StatusRepository;
import id.ihati.videotron.admin.screen.Screen;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.playlists.proof.Interruption;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Turns what players report into incidents: a paired screen silent for three heartbeats is OFFLINE (closed
 * when it beats again); free disk under {@link #DISK_LOW_BYTES} is DISK_LOW; media a player could not play
 * (reported in heartbeats or as failed plays, not plays cut short for other reasons) is MEDIA_ERROR until that
 * media completes a play after the failure; a player holding proof-of-play records of an earlier screen it
 * cannot upload is HELD_PLAYS while it reports them; a player seeing its own picture black or frozen while content
 * plays is BLACK_PICTURE or FROZEN_PICTURE while it reports it.
 */
public final class ScreenWatch {
    public static final long DISK_LOW_BYTES = 2L * 1024 * 1024 * 1024;
    private final Jdbi jdbi;
    private final ScreenRepository screens;
    private final DeviceTokens deviceTokens;
    private final Incidents incidents;
    private final StatusRepository status;

    public ScreenWatch(Jdbi jdbi, ScreenRepository screens, DeviceTokens deviceTokens, Incidents incidents,
                       StatusRepository status) {
        this.jdbi = jdbi;
        this.screens = screens;
        this.deviceTokens = deviceTokens;
        this.incidents = incidents;
        this.status = status;
    }

    /** One round at {@code now}. */
    public void check(Instant now) {
        Map<String, ScreenStatus> all = status.all();
        for (Screen screen : screens.all()) {
            String id = screen.id();
            ScreenStatus st = all.get(id);
            var token = deviceTokens.live(id);
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
            picture(id, st, now);
        }
    }

    /** Right after a heartbeat of {@code screenId}: its picture incidents as that heartbeat says. */
    public void pictureReported(String screenId, Instant now) {
        status.find(screenId).ifPresent(st -> picture(screenId, st, now));
    }

    /** A black or frozen picture is an incident while the player reports it; each closes when it no longer does. */
    private void picture(String screenId, ScreenStatus st, Instant now) {
        for (var kind : List.of(Incident.Kind.BLACK_PICTURE, Incident.Kind.FROZEN_PICTURE)) {
            if (kind == pictureKind(st.pictureFault())) {
                incidents.open(screenId, kind, "", "media " + st.pictureMedia(), st.pictureSince(), now);
            } else {
                incidents.close(screenId, kind, "", now);
            }
        }
    }

    static Incident.Kind pictureKind(String fault) {
        if (fault == null) {
            return null;
        }
        return switch (fault) {
            case "BLACK" -> Incident.Kind.BLACK_PICTURE;
            case "FROZEN" -> Incident.Kind.FROZEN_PICTURE;
            default -> null;   // a kind a newer player knows: not ours to show
        };
    }

    /** A media error seen at {@code at}: a failed play's start, or the heartbeat that reported it. */
    record Failure(String mediaId, String error, Instant at) {
    }

    private void mediaErrors(String screenId, ScreenStatus st, Instant now) {
        List<Failure> seen = new ArrayList<>();
        if (st.mediaErrors() != null) {
            for (String line : st.mediaErrors().split("\n")) {
                String[] kv = line.split(": ", 2);
                if (!kv[0].isBlank()) {
                    seen.add(new Failure(kv[0], kv.length > 1 ? kv[1] : "", st.lastSeen()));
                }
            }
        }
        // Failed plays of the last ten minutes count too: a player that only reports plays is still heard.
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT media_id, error, actual_start FROM play_record WHERE screen_id = :s
                        AND error IS NOT NULL AND NOT completed AND actual_start > :since""")
                .bind("s", screenId).bind("since", Timestamp.from(now.minusSeconds(600)))
                .map((rs, ctx) -> new Failure(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .forEach(seen::add));
        List<Incident> open = incidents.openFor(screenId, Incident.Kind.MEDIA_ERROR);
        Set<String> media = new HashSet<>();
        seen.forEach(f -> media.add(f.mediaId()));
        open.forEach(i -> media.add(i.subject()));
        Instant earliest = seen.stream().map(Failure::at).min(Instant::compareTo).orElse(now);
        for (Incident i : open) {
            earliest = i.since().isBefore(earliest) ? i.since() : earliest;
        }
        Map<String, Instant> completed = lastCompleted(screenId, media, earliest);

        Map<String, Failure> failing = failing(seen, completed);
        failing.values().forEach(f -> incidents.open(screenId, Incident.Kind.MEDIA_ERROR, f.mediaId(), f.error(),
                f.at(), now));
        for (Incident i : open) {
            if (!failing.containsKey(i.subject()) && playedSince(completed.get(i.subject()), i.since())) {
                incidents.close(screenId, Incident.Kind.MEDIA_ERROR, i.subject(), now);
            }
        }
    }

    /**
     * The media failing now: each one's latest media error, unless a completed play of it came after. Plays cut
     * short by the player for other reasons ({@link Interruption}: a plan change, a slot taken before the item had
     * a picture) are not media errors; older players wrote the same texts, so their records are read alike.
     */
    static Map<String, Failure> failing(List<Failure> seen, Map<String, Instant> lastCompleted) {
        Map<String, Failure> latest = new LinkedHashMap<>();
        for (Failure f : seen) {
            if (Interruption.isMediaError(false, f.error())) {
                latest.merge(f.mediaId(), f, (a, b) -> b.at().isAfter(a.at()) ? b : a);
            }
        }
        latest.values().removeIf(f -> playedSince(lastCompleted.get(f.mediaId()), f.at()));
        return latest;
    }

    private static boolean playedSince(Instant lastCompleted, Instant failure) {
        return lastCompleted != null && lastCompleted.isAfter(failure);
    }

    /** The start of the latest completed play of each of {@code media} on the screen, after {@code from}. */
    private Map<String, Instant> lastCompleted(String screenId, Set<String> media, Instant from) {
        if (media.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("""
                        SELECT media_id, MAX(actual_start) FROM play_record WHERE screen_id = :s AND completed
                        AND media_id IN (<media>) AND actual_start > :from GROUP BY media_id""")
                .bind("s", screenId).bindList("media", List.copyOf(media)).bind("from", Timestamp.from(from))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    /** The screens currently open as OFFLINE. */
    public List<Incident> offline() {
        return incidents.open().stream().filter(i -> i.kind() == Incident.Kind.OFFLINE).toList();
    }
}
