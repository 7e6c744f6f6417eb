package id.ihati.videotron.player.playback;

import id.ihati.videotron.player.playback.display.DisplayPower;
import id.ihati.videotron.player.playback.display.PlayerWindow;
import id.ihati.videotron.player.proof.PlayOutcome;
import id.ihati.videotron.player.proof.PlayReporter;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.proof.Interruption;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays the plan by the wall clock. At every tick it asks the schedule what plays now and next, prepares the
 * next item ahead of its slot, and at the slot's start starts it in a transparent layer <em>above</em> the
 * current one: until the new video draws its first frame the old picture shows through. Only a moment after the
 * new item has its first picture is the old layer removed and its player disposed, so the screen never shows
 * anything but the two items (removing the old layer as soon as the new player reports progress still let a
 * black frame through now and then: progress is reported before the frame reaches the screen). A file that cannot play is reported, remembered as bad, and replaced by filler
 * for the rest of its slot. Every play's outcome goes to the {@link PlayReporter}.
 *
 * <p>All state lives on the FX thread. The executor times the ticks, decodes images and hands outcomes to the
 * reporter; it must run tasks in order (a single thread), so reports keep the order of the plays.
 */
public final class PlaybackEngine {
    private static final Logger log = LoggerFactory.getLogger(PlaybackEngine.class);
    /** A play that ran to within this of its planned end counts as completed. */
    private static final Duration COMPLETED_TOLERANCE = Duration.ofSeconds(1);
    /** How long the old layer stays beneath the new one after the new one has its first picture. */
    private static final javafx.util.Duration OVERLAP = javafx.util.Duration.millis(120);
    /** After a switch, the next item is not opened for this long if its slot allows. */
    private static final Duration QUIET_AFTER_SWITCH = Duration.ofMillis(300);
    /** How long the player believes a lost sound device stays lost before trying sound again. */
    private static final Duration AUDIO_RETRY = Duration.ofHours(1);

    /**
     * @param prepareLead     how long before its slot the next item is opened and decoded
     * @param failTimeout     a video not READY this long after opening, or without a picture this long after
     *                        starting, has failed
     * @param badFileMemory   how long a failed file is skipped without being tried again
     * @param tick            the longest time between two looks at the plan
     * @param resumeThreshold a video whose slot started more than this ago is started at the right offset
     */
    public record Options(Duration prepareLead, Duration failTimeout, Duration badFileMemory, Duration tick,
                          Duration resumeThreshold) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofHours(6),
                    Duration.ofMillis(250), Duration.ofMillis(500));
        }
    }

    private final ContentSource content;
    private final Schedule schedule;
    private final PlayerWindow window;
    private final PlayReporter reporter;
    private final DisplayPower power;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Options options;
    private final BadFiles bad;
    private final PlaybackDecision.Timing timing;
    /**
     * Opens and disposes video players, which takes from a few to over a hundred milliseconds each: not on the FX
     * thread, which is drawing the current item meanwhile, and not on {@code executor}, whose ticks time the
     * switches. One thread, so they happen in order; it ends when idle.
     */
    private final ThreadPoolExecutor players = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                var t = new Thread(r, "media-players");
                t.setDaemon(true);
                return t;
            });

    // FX thread only from here on.
    private Manifest manifest;
    private Manifest fallback;   // the plan before, filling where manifest has nothing yet; null if none
    private Map<String, Media> media = Map.of();
    private Plan plan;
    private Entry current;      // on screen
    private Entry incoming;     // started beneath current, waiting for its first picture
    private Entry prepared;     // opened for the next slot
    private PlannedPlay abandoned; // a slot nothing could be shown for; not retried every tick
    private Instant audioBrokenUntil = Instant.MIN;
    private Instant lastSwitch = Instant.MIN;
    private boolean firstPictureLogged;
    private PlannedPlay lastServed;   // the last planned play switched to, to notice plays that were skipped
    private boolean restartRequested;
    private boolean running;
    private int fillerTurn;
    private ScheduledFuture<?> nextTick;
    private String lastProblem;

    private volatile NowPlaying nowPlaying;
    private volatile Path currentFile;

    /** The plays resolved for one manifest over a window of two loops, re-resolved once a loop. */
    private record Plan(Manifest manifest, Manifest fallback, List<PlannedPlay> plays, Instant from,
                        Instant refreshAt) {
    }

    public PlaybackEngine(ContentSource content, Schedule schedule, PlayerWindow window, PlayReporter reporter,
                          DisplayPower power, Clock clock, ScheduledExecutorService executor, Options options) {
        this.content = Objects.requireNonNull(content);
        this.schedule = Objects.requireNonNull(schedule);
        this.window = Objects.requireNonNull(window);
        this.reporter = Objects.requireNonNull(reporter);
        this.power = Objects.requireNonNull(power);
        this.clock = Objects.requireNonNull(clock);
        this.executor = Objects.requireNonNull(executor);
        this.options = Objects.requireNonNull(options);
        this.bad = new BadFiles(options.badFileMemory());
        this.timing = new PlaybackDecision.Timing(options.prepareLead(), options.tick(), options.resumeThreshold(),
                QUIET_AFTER_SWITCH);
        players.allowCoreThreadTimeOut(true);
    }

    /** Starts playing; from any thread. Plan changes from {@code content} are applied at once. */
    public void start() {
        content.onChange(() -> Platform.runLater(() -> {
            plan = null;
            tick();
        }));
        Platform.runLater(() -> {
            running = true;
            tick();
        });
    }

    /** Stops playing and frees every player; from any thread. */
    public void stop() {
        Platform.runLater(() -> {
            running = false;
            if (nextTick != null) {
                nextTick.cancel(false);
            }
            clear(clock.instant(), Interruption.PLAYER_STOPPED.text());
        });
    }

    /** What is on the screen now; empty when nothing is (dark hours, no content). From any thread. */
    public Optional<NowPlaying> nowPlaying() {
        return Optional.ofNullable(nowPlaying);
    }

    /** The file on screen now, for diagnostics. */
    public Optional<Path> currentFile() {
        return Optional.ofNullable(currentFile);
    }

    /**
     * Throws away the current players and starts the current slot again at the right offset, keeping the last
     * picture on screen until the new one is there. For the watchdog; from any thread.
     */
    public void restartPlayback() {
        Platform.runLater(() -> {
            log.warn("restarting playback");
            restartRequested = true;
            discardPrepared();
            tick();
        });
    }

    /**
     * The position of the video on screen while it should be moving, else empty (pictures, videos holding their
     * last frame). FX thread only; the watchdog compares it over time.
     */
    public OptionalLong videoPositionMillis() {
        if (current == null || current.item == null || incoming != null) {
            return OptionalLong.empty();
        }
        long pos = current.item.motionMillis();
        return pos < 0 ? OptionalLong.empty() : OptionalLong.of(pos);
    }

    /** The video player on screen, for tests that must make it misbehave. */
    javafx.scene.media.MediaPlayer currentPlayer() {
        return current != null && current.item instanceof VideoItem v ? v.player() : null;
    }

    /** The player of the sound beside the picture on screen, or null; for tests. */
    javafx.scene.media.MediaPlayer currentSoundPlayer() {
        return current != null && current.item instanceof VideoItem v ? v.soundPlayer() : null;
    }

    // ---------------------------------------------------------------- the clock-driven loop

    private void tick() {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        try {
            step(now);
        } catch (RuntimeException e) {
            problem("playback step failed: " + e, e);
            window.showStatus("Jadwal tidak dapat diputar", "The schedule cannot be played");
            scheduleTick(Duration.ofSeconds(5));
        }
    }

    private void step(Instant now) {
        var m = content.manifest();
        if (m.isEmpty()) {
            clear(now, Interruption.NO_PLAN.text());
            window.showStatus("Belum ada konten", "No content yet");
            scheduleTick(options.tick());
            return;
        }
        // The old plan fills in only for the same screen: its plays are journalled as that screen's.
        Manifest under = content.fallback().filter(f -> f.screen().id().equals(m.get().screen().id()))
                .orElse(null);
        if (m.get() != manifest || under != fallback) {
            manifest = m.get();
            fallback = under;
            var byId = new HashMap<String, Media>();
            if (fallback != null) {
                fallback.media().forEach(x -> byId.put(x.id(), x));
            }
            manifest.media().forEach(x -> byId.put(x.id(), x));
            media = byId;
        }
        List<PlannedPlay> plays = plays(now);
        lastProblem = null;
        Entry onScreen = incoming != null ? incoming : current;
        var showing = onScreen == null ? null : new PlaybackDecision.Showing(onScreen.planned, onScreen.shown,
                onScreen.planHash, onScreen.error != null);
        var decision = PlaybackDecision.decide(new PlaybackDecision.Situation(plays, now, manifest.screen(),
                manifest.contentHash(), showing, abandoned, lastServed, lastSwitch, restartRequested, timing));

        if (decision.screen() instanceof PlaybackDecision.Idle idle) {
            clear(now, Interruption.NOTHING_PLANNED.text());
            if (idle.dark()) {
                window.showDark();
                power.sleep();
            } else {
                power.wake();
                window.showStatus("Belum ada konten", "No content yet");
            }
        } else {
            power.wake();
            if (decision.screen() instanceof PlaybackDecision.Show show) {
                switchTo(show, now);
            }
        }
        if (decision.prepare() != null) {
            prepare(decision.prepare(), now);
        }
        scheduleTick(Duration.between(now, decision.wake()));
    }

    private List<PlannedPlay> plays(Instant now) {
        if (plan == null || plan.manifest() != manifest || plan.fallback() != fallback
                || !now.isBefore(plan.refreshAt()) || now.isBefore(plan.from())) {
            // (The last: the clock was set back before the window resolved, e.g. to the server's time.)
            // Loops are aligned to local midnight; two loops from the current one's start hold now and next.
            var screen = manifest.screen();
            var midnight = now.atZone(screen.timeZone()).toLocalDate().atStartOfDay(screen.timeZone()).toInstant();
            long loop = screen.loopSeconds();
            long k = Duration.between(midnight, now).getSeconds() / loop;
            Instant loopStart = midnight.plusSeconds(k * loop);
            Instant to = loopStart.plusSeconds(2 * loop);
            List<PlannedPlay> plays = schedule.plays(manifest, loopStart, to);
            if (fallback != null) {
                plays = FallbackPlays.fillGaps(plays, schedule.plays(fallback, loopStart, to),
                        t -> OperatingHours.open(screen, t));
            }
            plan = new Plan(manifest, fallback, plays, loopStart, loopStart.plusSeconds(loop));
        }
        return plan.plays();
    }

    private void scheduleTick(Duration delay) {
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        long micros = Math.max(0, delay.toNanos() / 1000);
        nextTick = executor.schedule(() -> Platform.runLater(this::tick), micros, TimeUnit.MICROSECONDS);
    }

    // ---------------------------------------------------------------- switching

    private void switchTo(PlaybackDecision.Show show, Instant now) {
        // Plays the FX thread was held up past (longer than a slot) are reported too: none goes missing.
        for (var p : show.missed()) {
            log.warn("play of {} planned at {} skipped: the player fell behind", p.mediaId(), p.start());
            submit(new PlayOutcome(p, now, now, false, Interruption.FELL_BEHIND.text()));
        }
        PlannedPlay target = show.play();
        lastServed = target;
        String reason = restartRequested ? "restarted by the watchdog" : Interruption.PLAN_CHANGED.text();
        Entry e;
        if (!restartRequested && prepared != null && prepared.planned.equals(target)) {
            e = prepared;
            prepared = null;
        } else {
            e = open(target, target, now);
        }
        restartRequested = false;
        e.replaces = reason;
        begin(e, now);
    }

    private void prepare(PlannedPlay next, Instant now) {
        if (prepared != null && prepared.planned.equals(next)) {
            return;
        }
        discardPrepared();
        prepared = open(next, next, now);
    }

    /** Opens the file for {@code shown}, serving slot {@code planned}; a file known to be bad is not opened. */
    private Entry open(PlannedPlay planned, PlannedPlay shown, Instant now) {
        var e = new Entry(planned, shown);
        e.planHash = manifest.contentHash();
        Media m = media.get(shown.mediaId());
        if (m == null) {
            e.error = "media " + shown.mediaId() + " is not in the manifest";
            return e;
        }
        if (m.kind() == MediaKind.VIDEO && m.hasAudio() && m.videoOnly() == null && audioBroken(now)) {
            e.error = "no working sound device and no video-only copy";
            return e;
        }
        FileRef ref = fileFor(m, now);
        e.sha256 = ref.sha256();
        e.videoOnly = !ref.sha256().equals(m.sha256());
        var known = bad.why(ref.sha256(), now);
        if (known.isPresent()) {
            e.error = "skipped, it failed before: " + known.get();
            return e;
        }
        var file = content.verifiedFile(ref.sha256());
        if (file.isEmpty()) {
            e.error = "file " + ref.sha256() + " is not in the cache";
            return e;
        }
        e.file = file.get();
        var fit = manifest.screen().fitMode();
        if (m.kind() != MediaKind.VIDEO) {
            e.item = new ImageItem(e.file, fit, window.width(), window.height(), executor, e);
            return e;
        }
        Path picture = pictureOf(m, e);
        e.item = new VideoItem(picture, picture.equals(e.file) ? null : e.file, fit, window.width(),
                window.height(), options.failTimeout().toMillis(), e, players);
        return e;
    }

    /**
     * The file whose picture is shown: for a video with sound, its video-only copy when there is one, while the
     * sound comes from the file with sound in a second player, so the picture runs on the system clock and not
     * on the sound output's (see {@link VideoItem}).
     */
    private Path pictureOf(Media m, Entry e) {
        if (e.videoOnly || !m.hasAudio() || m.videoOnly() == null) {
            return e.file;
        }
        return content.verifiedFile(m.videoOnly().sha256()).orElse(e.file);
    }

    private FileRef fileFor(Media m, Instant now) {
        boolean silent = !manifest.screen().audio() || audioBroken(now);
        if (m.kind() == MediaKind.VIDEO && m.hasAudio() && silent && m.videoOnly() != null) {
            return m.videoOnly();
        }
        return new FileRef(m.sha256(), m.size());
    }

    private boolean audioBroken(Instant now) {
        return now.isBefore(audioBrokenUntil);
    }

    /** Starts {@code e} beneath what is on screen; it replaces it once it has a picture. */
    private void begin(Entry e, Instant now) {
        if (incoming != null && incoming != e) {
            Entry dropped = incoming;
            incoming = null;
            finish(dropped, now, Interruption.REPLACED_BEFORE_SHOWN.text());
        }
        incoming = e;
        if (e.error != null) {
            fail(e, now);
            return;
        }
        window.content().getChildren().add(e.item.layer());
        // The decision's position, asked again at the moment the video really starts (opening takes a while);
        // the video seeks there before it plays, so frame 0 is never shown and then jumped from.
        e.item.start(() -> {
            e.startPosition = PlaybackDecision.positionAt(e.shown, clock.instant(), options.resumeThreshold());
            return e.startPosition.toMillis();
        });
    }

    private void onFirstFrame(Entry e) {
        if (e != incoming) {
            return;
        }
        Instant now = clock.instant();
        incoming = null;
        e.shownAt = now;
        lastSwitch = now;
        if (!firstPictureLogged) {
            firstPictureLogged = true;
            var started = ProcessHandle.current().info().startInstant();
            log.info("first picture on screen ({}, from {} ms into it){}", e.shown.mediaId(),
                    e.startPosition.toMillis(), started.map(
                    t -> ", " + Duration.between(t, Instant.now()).toMillis() + " ms after the process started")
                    .orElse(""));
        }
        Entry old = current;
        current = e;
        abandoned = null;
        window.showContent();
        nowPlaying = new NowPlaying(e.shown.mediaId(), e.shown.sourceId(), now);
        currentFile = e.file;
        if (old != null) {
            retire(old, now, e.replaces);
        }
    }

    private void onFailed(Entry e, String error, boolean audioDevice) {
        Instant now = clock.instant();
        Media m = media.get(e.shown.mediaId());
        if (audioDevice && !e.videoOnly && m != null && m.videoOnly() != null) {
            if (!audioBroken(now)) {
                log.warn("the sound device is missing or broken ({}); playing video-only copies", error);
            }
            audioBrokenUntil = now.plus(AUDIO_RETRY);
            Entry again = open(e.planned, e.shown, now);
            again.replaces = e == current ? Interruption.SOUND_DEVICE_FALLBACK.text()
                    : e.replaces;
            if (e == prepared) {
                e.dispose(window);
                prepared = again;
            } else if (e == incoming) {
                incoming = null;
                e.dispose(window);
                begin(again, now);
            } else if (e == current) {
                begin(again, now);   // the halted picture stays until the copy has one
            }
            return;
        }
        if (audioDevice) {
            audioBrokenUntil = now.plus(AUDIO_RETRY);
        } else if (e.sha256 != null) {
            bad.mark(e.sha256, error, now);
        }
        log.warn("cannot play {} (file {}): {}", e.shown.mediaId(), e.sha256, error);
        e.error = error;
        if (e == incoming || e == current) {
            fail(e, now);
        } else if (e == prepared) {
            e.dispose(window);   // its slot will fail fast with the error kept on the entry
        }
    }

    /** Reports {@code e} as not played and puts filler in its place for the rest of its slot. */
    private void fail(Entry e, Instant now) {
        report(e, e.shownAt != null ? e.shownAt : now, now, false, e.error);
        if (e == incoming) {
            incoming = null;
            e.dispose(window);
        }
        // A failed current item keeps its last picture until the stand-in replaces it.
        Entry standIn = filler(e, now);
        if (standIn != null) {
            standIn.replaces = e.replaces;
            begin(standIn, now);
        } else {
            abandoned = e.planned;
            if (current == null || current == e) {
                clearCurrent(now, e.error);
                window.showStatus("Konten tidak dapat diputar", "The content cannot be played");
            }
        }
    }

    /** A filler item that can play for the rest of {@code failed}'s slot, or null. */
    private Entry filler(Entry failed, Instant now) {
        PlannedPlay slot = failed.planned;
        if (manifest.filler() == null || !now.isBefore(slot.end().minusMillis(200))) {
            return null;
        }
        List<String> items = manifest.filler().items();
        for (int i = 0; i < items.size(); i++) {
            int turn = (fillerTurn + i) % items.size();
            Media m = media.get(items.get(turn));
            if (m == null || (m.kind() == MediaKind.VIDEO && m.hasAudio() && m.videoOnly() == null
                    && audioBroken(now))) {
                continue;
            }
            String sha = fileFor(m, now).sha256();
            if (bad.why(sha, now).isPresent() || content.verifiedFile(sha).isEmpty()) {
                continue;
            }
            fillerTurn = turn + 1;
            var shown = new PlannedPlay(now, slot.end(), slot.screenId(), m.id(), Category.FILLER, null,
                    slot.day(), slot.loop(), slot.slot(), slot.slots());
            return open(slot, shown, now);
        }
        return null;
    }

    /** Reports how far {@code e} got and takes it off the screen a moment later, beneath its successor. */
    private void retire(Entry e, Instant now, String reasonIfEarly) {
        reportEnd(e, now, reasonIfEarly);
        var later = new javafx.animation.PauseTransition(OVERLAP);
        later.setOnFinished(x -> e.dispose(window));
        later.play();
    }

    /** Takes {@code e} off the screen, frees it and reports how far it got. */
    private void finish(Entry e, Instant now, String reasonIfEarly) {
        e.dispose(window);
        reportEnd(e, now, reasonIfEarly);
    }

    private void reportEnd(Entry e, Instant now, String reasonIfEarly) {
        if (!e.reported) {
            boolean completed = e.shownAt != null
                    && !now.isBefore(e.shown.end().minus(COMPLETED_TOLERANCE));
            report(e, e.shownAt != null ? e.shownAt : now, now, completed, completed ? null : reasonIfEarly);
        }
    }

    private void clear(Instant now, String reason) {
        lastServed = null;
        discardPrepared();
        if (incoming != null) {
            Entry e = incoming;
            incoming = null;
            finish(e, now, reason);
        }
        clearCurrent(now, reason);
    }

    private void clearCurrent(Instant now, String reason) {
        if (current != null) {
            Entry e = current;
            current = null;
            finish(e, now, reason);
        }
        nowPlaying = null;
        currentFile = null;
    }

    private void discardPrepared() {
        if (prepared != null) {
            prepared.dispose(window);
            prepared = null;
        }
    }

    private void report(Entry e, Instant start, Instant end, boolean completed, String error) {
        e.reported = true;
        submit(new PlayOutcome(e.shown, start, end, completed, error));
    }

    /** Hands the outcome to the reporter on the executor: its disk writes must not hold up the FX thread. */
    private void submit(PlayOutcome outcome) {
        executor.execute(() -> {
            try {
                reporter.report(outcome);
            } catch (RuntimeException ex) {
                log.error("could not record the play of {} at {}", outcome.planned().mediaId(),
                        outcome.planned().start(), ex);
            }
        });
    }

    private void problem(String message, Exception e) {
        if (!message.equals(lastProblem)) {
            lastProblem = message;
            log.error(message, e);
        }
    }

    /** One item serving one slot of the plan. */
    private final class Entry implements Item.Events {
        final PlannedPlay planned;   // the slot it serves
        final PlannedPlay shown;     // what it shows: the planned play or a filler stand-in
        Item item;
        Path file;
        String sha256;
        boolean videoOnly;
        String error;
        String replaces = Interruption.PLAN_CHANGED.text();
        String planHash;             // the plan it was opened under
        Instant shownAt;
        Duration startPosition = Duration.ZERO;   // how far into its file it started
        boolean reported;

        Entry(PlannedPlay planned, PlannedPlay shown) {
            this.planned = planned;
            this.shown = shown;
        }

        void dispose(PlayerWindow w) {
            if (item != null) {
                w.content().getChildren().remove(item.layer());
                item.dispose();
            }
        }

        @Override
        public void ready() {
        }

        @Override
        public void firstFrame() {
            onFirstFrame(this);
        }

        @Override
        public void failed(String error, boolean audioDevice) {
            onFailed(this, error, audioDevice);
        }
    }
}
