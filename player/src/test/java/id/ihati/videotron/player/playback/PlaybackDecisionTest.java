package id.ihati.videotron.player.playback;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.playback.PlaybackDecision.Decision;
import id.ihati.videotron.player.playback.PlaybackDecision.Idle;
import id.ihati.videotron.player.playback.PlaybackDecision.Keep;
import id.ihati.videotron.player.playback.PlaybackDecision.Show;
import id.ihati.videotron.player.playback.PlaybackDecision.Showing;
import id.ihati.videotron.player.playback.PlaybackDecision.Situation;
import id.ihati.videotron.player.playback.PlaybackDecision.Timing;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The playback decision as a table: one look at the plan in, what the screen does, what is opened ahead and when
 * to look again out. No display, no clock: {@code now} is in each row.
 *
 * <p>The plan of every row: A 0–10 s, B 10–20 s, C 20–30 s, nothing 30–40 s, D 40–50 s (the plan's last play),
 * counted from {@link #T0}; prepare 3 s ahead, a look every 250 ms, resume a video more than 500 ms late, keep
 * 300 ms quiet after a switch.
 */
class PlaybackDecisionTest {
    static final Instant T0 = Instant.parse("2026-12-04T03:00:00Z");
    static final String HASH = "plan-1";
    static final Timing TIMING = new Timing(Duration.ofSeconds(3), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofMillis(300));
    static final ScreenProfile OPEN = TestMedia.screen(FitMode.CONTAIN, true);
    static final ScreenProfile CLOSED = new ScreenProfile(TestMedia.SCREEN, "Layar uji", null, null,
            new Resolution(320, 160), 60, 3, Map.of(), Map.of(), FitMode.CONTAIN, true, null, null);

    static final PlannedPlay A = play("a", 0, 10, Category.HEALTH);
    static final PlannedPlay B = play("b", 10, 20, Category.HEALTH);
    static final PlannedPlay C = play("c", 20, 30, Category.HEALTH);
    static final PlannedPlay D = play("d", 40, 50, Category.HEALTH);
    static final List<PlannedPlay> PLAN = List.of(A, B, C, D);
    /** A filler stand-in for the rest of A's slot, started at 4 s when A failed. */
    static final PlannedPlay FILLER_FOR_A = new PlannedPlay(at(4000), A.end(), TestMedia.SCREEN, "filler",
            Category.FILLER, null, A.day(), 0, 0, 1);

    static PlannedPlay play(String id, int fromSeconds, int toSeconds, Category category) {
        return new PlannedPlay(T0.plusSeconds(fromSeconds), T0.plusSeconds(toSeconds), TestMedia.SCREEN, id,
                category, "src-" + id, LocalDate.of(2026, 12, 4), 0, fromSeconds / 10, 5);
    }

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    static Showing showing(PlannedPlay p) {
        return new Showing(p, p, HASH, false);
    }

    /** A look at {@code now} ms with {@code showing} on screen, nothing abandoned, the last switch long ago. */
    static Situation look(long now, Showing showing) {
        PlannedPlay served = showing != null ? showing.planned() : null;
        return new Situation(PLAN, at(now), OPEN, HASH, showing, null, served, Instant.MIN, false, TIMING);
    }

    static Show show(PlannedPlay p, long positionMillis, PlannedPlay... missed) {
        return new Show(p, Duration.ofMillis(positionMillis), List.of(missed));
    }

    static Decision decision(PlaybackDecision.Screen screen, PlannedPlay prepare, long wakeMillis) {
        return new Decision(screen, prepare, at(wakeMillis));
    }

    static Arguments row(String name, Situation in, Decision out) {
        return Arguments.of(name, in, out);
    }

    static Stream<Arguments> rows() {
        var keep = new Keep();
        return Stream.of(
                // Starting.
                row("first look at a slot's start: show it from the top", look(0, null),
                        decision(show(A, 0), null, 250)),
                row("started 400 ms into a slot (within the resume threshold): from the top", look(400, null),
                        decision(show(A, 0), null, 650)),
                row("started 500 ms into a slot (at the threshold): from the top", look(500, null),
                        decision(show(A, 0), null, 750)),
                row("started 501 ms into a slot: at its wall-clock position", look(501, null),
                        decision(show(A, 501), null, 751)),
                row("restarted (kill -9) 4.5 s into a video: resume 4.5 s in", look(4500, null),
                        decision(show(A, 4500), null, 4750)),
                row("restarted 8 s in: resume 8 s in, and the next slot is near enough to open", look(8000, null),
                        decision(show(A, 8000), B, 8250)),

                // Playing on, preparing ahead, slot boundaries.
                row("the right slot is on screen: keep it", look(5000, showing(A)),
                        decision(keep, null, 5250)),
                row("3 s before the next slot: open it", look(7000, showing(A)),
                        decision(keep, B, 7250)),
                row("3.001 s before the next slot: not yet", look(6999, showing(A)),
                        decision(keep, null, 7249)),
                row("150 ms before the next slot: open it, look again exactly at its start", look(9850, showing(A)),
                        decision(keep, B, 10000)),
                row("1 ms before the boundary: keep, wake at the boundary", look(9999, showing(A)),
                        decision(keep, B, 10000)),
                row("exactly at the boundary: the next slot, from the top", look(10000, showing(A)),
                        decision(show(B, 0), null, 10250)),
                row("the next slot was never prepared: it is shown all the same", look(10100, showing(A)),
                        decision(show(B, 0), null, 10350)),
                row("just switched, next slot far enough: stay quiet, look again when the quiet ends",
                        new Situation(PLAN, at(7500), OPEN, HASH, showing(A), null, A, at(7400), false, TIMING),
                        decision(keep, null, 7700)),
                row("just switched, next slot too close to wait: open it now",
                        new Situation(PLAN, at(9800), OPEN, HASH, showing(A), null, A, at(9700), false, TIMING),
                        decision(keep, B, 10000)),

                // Failures.
                row("the slot's item failed and nothing could stand in: not retried at every look",
                        new Situation(PLAN, at(5000), OPEN, HASH, null, A, A, Instant.MIN, false, TIMING),
                        decision(keep, null, 5250)),
                row("the slot's item failed and filler stands in: keep the filler",
                        look(6000, new Showing(A, FILLER_FOR_A, HASH, false)),
                        decision(keep, null, 6250)),
                row("the slot's item on screen failed (its last picture stays): keep, no retry",
                        look(5000, new Showing(A, A, HASH, true)),
                        decision(keep, null, 5250)),
                row("the failed slot is over: the next slot plays", new Situation(PLAN, at(10000), OPEN, HASH,
                                null, A, A, Instant.MIN, false, TIMING),
                        decision(show(B, 0), null, 10250)),
                row("the watchdog asks for a restart: the same slot again at its position",
                        new Situation(PLAN, at(5000), OPEN, HASH, showing(A), null, A, Instant.MIN, true, TIMING),
                        decision(show(A, 5000), null, 5250)),

                // Gaps and the end of the plan.
                row("in a gap during operating hours: the status screen", look(33000, showing(C)),
                        decision(new Idle(false), null, 33250)),
                row("in a gap, 3 s before the next play: open it", look(37000, null),
                        decision(new Idle(false), D, 37250)),
                row("in a gap, 100 ms before the next play: wake at its start", look(39900, null),
                        decision(new Idle(false), D, 40000)),
                row("after a gap: the next play from the top", look(40000, null),
                        decision(show(D, 0), null, 40250)),
                row("the plan's last play: nothing to open after it", look(48000, showing(D)),
                        decision(keep, null, 48250)),
                row("after the plan's last play: idle, nothing to open", look(50000, showing(D)),
                        decision(new Idle(false), null, 50250)),
                row("nothing planned outside operating hours: dark",
                        new Situation(PLAN, at(33000), CLOSED, HASH, null, null, null, Instant.MIN, false, TIMING),
                        decision(new Idle(true), null, 33250)),
                row("an empty plan: idle", new Situation(List.of(), at(0), OPEN, HASH, null, null, null,
                                Instant.MIN, false, TIMING),
                        decision(new Idle(false), null, 250)),

                // Late plays and clock jumps.
                row("the FX thread was held up past a whole slot: C at its position, B reported missed",
                        look(25000, showing(A)),
                        decision(show(C, 5000, B), null, 25250)),
                row("the clock jumped forward over two slots and a gap: D at its position, B and C missed",
                        look(45000, showing(A)),
                        decision(show(D, 5000, B, C), null, 45250)),
                row("the clock jumped back into an earlier slot: that slot at its position, nothing missed",
                        look(5000, showing(C)),
                        decision(show(A, 5000), null, 5250)),
                row("the clock jumped back into a gap before the plan: idle",
                        new Situation(PLAN, at(-5000), OPEN, HASH, showing(C), null, C, Instant.MIN, false,
                                TIMING),
                        decision(new Idle(false), null, -4750)),

                // Items joining, plan changes and alerts.
                row("items of the same plan joined: what is on screen plays to its own end",
                        look(11000, showing(play("early", 5, 12, Category.HEALTH))),
                        decision(keep, null, 11250)),
                row("items joined but what was on screen has ended: the slot now",
                        look(12000, showing(play("early", 5, 12, Category.HEALTH))),
                        decision(show(B, 2000), null, 12250)),
                row("a new plan: cut to its slot at once, at its position",
                        look(11000, new Showing(play("old", 5, 12, Category.HEALTH),
                                play("old", 5, 12, Category.HEALTH), "plan-0", false)),
                        decision(show(B, 1000), null, 11250)),
                row("an alert in the same plan takes over at once",
                        new Situation(List.of(play("a", 0, 3, Category.HEALTH), play("alert", 3, 8, Category.ALERT), C), at(3000), OPEN, HASH,
                                showing(A), null, A, Instant.MIN, false, TIMING),
                        decision(show(play("alert", 3, 8, Category.ALERT), 0), null, 3250)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, Situation in, Decision expected) {
        assertThat(PlaybackDecision.decide(in)).isEqualTo(expected);
    }
}
