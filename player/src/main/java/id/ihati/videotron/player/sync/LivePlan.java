package id.ihati.videotron.player.sync;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pure decisions about a plan whose files are partly downloaded: which part of it can play now, and in which
 * order its missing files are fetched. A plan goes live at once with what is cached instead of waiting for its
 * last file, so an alert never waits for unrelated downloads.
 */
public final class LivePlan {
    private LivePlan() {
    }

    /**
     * The part of {@code plan} that can play with the files in the cache: the same plan without the media one of
     * whose files is missing ({@code plan} itself when nothing is missing). The resolver treats a media that is
     * not in the manifest as unavailable, as it treats one outside its validity: an alert on it takes no slot,
     * a booking plays its next available item or leaves its slots to filler, filler skips it. So playback is
     * never handed a play whose file is not there, and a slot that would have needed it is filled the way the
     * resolver fills any unavailable media (and is journalled as what filled it). Both files of a video (its
     * own and its video-only copy) are required, since playback falls back to the copy when sound fails.
     */
    public static Manifest playable(Manifest plan, Predicate<String> cached) {
        List<Media> ready = plan.media().stream()
                .filter(m -> m.files().stream().allMatch(f -> cached.test(f.sha256())))
                .toList();
        if (ready.size() == plan.media().size()) {
            return plan;
        }
        return new Manifest(plan.formatVersion(), plan.screen(), plan.generatedAt(), plan.validUntil(),
                plan.scheduleVersion(), plan.mediaPath(), ready, plan.bookings(), plan.alerts(), plan.filler(),
                plan.contentHash());
    }

    /**
     * Every file {@code plan} needs, in the order to fetch them: the alerts' media first (those in force at
     * {@code now} before later ones), then the files in the order the plan plays them from {@code now} over the
     * next two loops, then the rest.
     */
    public static List<FileRef> downloadOrder(Manifest plan, Instant now) {
        Map<String, Media> byId = new HashMap<>();
        plan.media().forEach(m -> byId.put(m.id(), m));
        Map<String, FileRef> order = new LinkedHashMap<>();
        List<Alert> alerts = plan.alerts().stream()
                .sorted((a, b) -> Boolean.compare(!a.activeAt(now), !b.activeAt(now)))
                .toList();
        for (Alert a : alerts) {
            add(order, byId.get(a.mediaId()));
        }
        Instant until = now.plusSeconds(2L * plan.screen().loopSeconds());
        for (PlannedPlay play : new TimelineResolver().resolve(plan, now, until).plays()) {
            add(order, byId.get(play.mediaId()));
        }
        plan.media().forEach(m -> add(order, m));
        return List.copyOf(order.values());
    }

    private static void add(Map<String, FileRef> order, Media m) {
        if (m != null) {
            m.files().forEach(f -> order.putIfAbsent(f.sha256(), f));
        }
    }
}
