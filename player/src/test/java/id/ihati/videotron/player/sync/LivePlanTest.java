package id.ihati.videotron.player.sync;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which part of a half-downloaded plan plays: a table of cached files against what the resolver then plans for
 * one loop (120 s, 8 slots of 15 s) of a plan with an alert over the loop's first half, a booking of two
 * slots per loop and one filler item.
 */
class LivePlanTest {
    static final Instant LOOP = Instant.parse("2026-12-04T02:00:00Z");   // 09:00 in Jakarta, a loop start
    static final Media ALERT = media("alert", 'a', null);
    static final Media BOOKED = media("booked", 'b', new FileRef("c".repeat(64), 10));   // a video with a copy
    static final Media FILL = media("fill", 'f', null);
    static final Manifest PLAN = plan();

    static Media media(String id, char sha, FileRef videoOnly) {
        return new Media(id, videoOnly == null ? MediaKind.IMAGE : MediaKind.VIDEO, String.valueOf(sha).repeat(64),
                10, 15_000, new Resolution(960, 480), id, "Dinkes", List.of(), null, null, videoOnly != null,
                videoOnly);
    }

    static Manifest plan() {
        var booking = new Booking("bk", "Cegah DBD", Category.HEALTH, "Dinkes", List.of("booked"),
                Targets.all(), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), Set.of(), List.of(),
                new Frequency.PerLoop(2), 5);
        var alert = new Alert("al", "Banjir", "alert", Targets.all(), LOOP, LOOP.plusSeconds(60), 1);
        return ManifestCodec.withContentHash(new Manifest(Manifest.FORMAT_VERSION, TestScreens.profile("s1"),
                LOOP.minusSeconds(60), LOOP.plusSeconds(86_400), 7, null, List.of(ALERT, BOOKED, FILL),
                List.of(booking), List.of(alert), new Filler(List.of("fill")), null));
    }

    static Stream<Arguments> table() {
        String a = ALERT.sha256();
        String b = BOOKED.sha256();
        String c = BOOKED.videoOnly().sha256();
        String f = FILL.sha256();
        return Stream.of(
                // cached files             what plays in the loop's 8 slots, in order
                Arguments.of(Set.of(a, b, c, f), "alert alert alert alert booked fill booked fill"),
                Arguments.of(Set.of(a, f), "alert alert alert alert fill fill fill fill"),
                Arguments.of(Set.of(a, b, f), "alert alert alert alert fill fill fill fill"),   // copy missing
                Arguments.of(Set.of(b, c, f), "fill booked fill fill fill booked fill fill"),   // no alert yet
                Arguments.of(Set.of(a), "alert alert alert alert"),
                Arguments.of(Set.of(), ""));
    }

    @ParameterizedTest(name = "cached {0} plays: {1}")
    @MethodSource("table")
    void onlyItemsWhoseFilesAreAllCachedArePlannedAndTheirSlotsAreFilledAsForUnavailableMedia(Set<String> cached,
                                                                                              String plays) {
        Manifest live = LivePlan.playable(PLAN, cached::contains);

        List<PlannedPlay> planned = new TimelineResolver().resolve(live, LOOP, LOOP.plusSeconds(120)).plays();
        assertThat(String.join(" ", planned.stream().map(p -> p.mediaId() + "x".repeat(p.slots() - 1)
                .replace("x", " " + p.mediaId())).toList())).isEqualTo(plays);
        assertThat(planned).allSatisfy(p -> assertThat(live.media().stream().filter(m -> m.id().equals(p.mediaId()))
                .flatMap(m -> m.files().stream()).map(FileRef::sha256)).allMatch(cached::contains));
        assertThat(planned).filteredOn(p -> p.mediaId().equals("fill"))
                .allSatisfy(p -> assertThat(p.category()).isEqualTo(Category.FILLER));
        assertThat(live.contentHash()).isEqualTo(PLAN.contentHash());
    }

    @Test
    void aPlanWhoseFilesAreAllCachedIsPlayedAsItIs() {
        assertThat(LivePlan.playable(PLAN, sha -> true)).isSameAs(PLAN);
    }

    @Test
    void alertMediaAreFetchedFirstThenWhatPlaysSoonest() {
        // Half a minute after the alert ended: the booking's next play comes before filler's.
        List<String> order = LivePlan.downloadOrder(PLAN, LOOP.plusSeconds(61)).stream().map(FileRef::sha256)
                .toList();
        assertThat(order).containsExactly(ALERT.sha256(), BOOKED.sha256(), BOOKED.videoOnly().sha256(),
                FILL.sha256());
    }
}
