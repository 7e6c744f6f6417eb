package id.ihati.videotron.admin.media;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What other features get from the library: screens' media, the booking form's choices, demo imports, purging. */
class MediaCatalogTest {
    static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");
    static MutableClock clock = new MutableClock(T0);
    static TestAdmin admin;
    static MediaLibrary library;
    static User editor;
    static User contributor;

    @BeforeAll
    static void start() {
        admin = TestAdmin.start(TestDatabases.h2Url(), clock);
        library = admin.services().media;
        editor = admin.services().users.findByUsername(admin.username(Role.HEALTH_EDITOR)).orElseThrow();
        contributor = admin.services().users.findByUsername(admin.username(Role.CONTRIBUTOR)).orElseThrow();
    }

    @AfterAll
    static void stop() {
        admin.close();
    }

    static ScreenProfile screen(int w, int h) {
        return new ScreenProfile("layar-" + w, "Simpang Tiga", null, null, new Resolution(w, h), 300, 15, Map.of(),
                Map.of(), FitMode.CONTAIN, false, null, null);
    }

    static Metadata meta(String title, Category c, Instant from, Instant until) {
        return new Metadata(title, "Dinas Kesehatan Kota Cilegon", c, List.of("dbd"), from, until, 12);
    }

    @Test
    void aSlideReachesEachScreenRenderedAtItsOwnResolutionAndIsCachedPerResolution() throws Exception {
        MediaItem slide = library.importSlide(editor, Slide.parse("PSC 119", "Gawat darurat? Telepon 119.",
                "#b71c1c", "#ffffff", "https://psc119.cilegon.go.id"), meta("PSC 119", Category.HEALTH, null, null));
        Media small = library.forScreen(slide.id(), screen(384, 192)).orElseThrow();
        Media big = library.forScreen(slide.id(), screen(960, 480)).orElseThrow();
        assertThat(small.kind()).isEqualTo(MediaKind.SLIDE);
        assertThat(small.pixels()).isEqualTo(new Resolution(384, 192));
        assertThat(big.pixels()).isEqualTo(new Resolution(960, 480));
        assertThat(small.sha256()).isNotEqualTo(big.sha256());
        assertThat(small.durationMillis()).isEqualTo(12_000);
        var img = javax.imageio.ImageIO.read(library.file(small.sha256()).orElseThrow().toFile());
        assertThat(img.getWidth()).isEqualTo(384);
        assertThat(Files.size(library.file(small.sha256()).orElseThrow())).isEqualTo(small.size());
        // asked again: the same stored rendition
        assertThat(library.forScreen(slide.id(), screen(384, 192)).orElseThrow().sha256()).isEqualTo(small.sha256());
    }

    @Test
    void aVideoWithSoundComesWithItsSilentCopy() {
        MediaItem v = library.importApproved(editor, TestMedia.file("health-with-audio.mp4"),
                meta("Imunisasi", Category.HEALTH, null, null));
        Media m = library.forScreen(v.id(), screen(960, 480)).orElseThrow();
        assertThat(m.hasAudio()).isTrue();
        assertThat(m.videoOnly()).isNotNull();
        assertThat(library.file(m.videoOnly().sha256())).isPresent();
        assertThat(m.durationMillis()).isBetween(2900L, 3100L);
        assertThat(m.sha256()).isEqualTo(v.file().sha256());
        // importing the same file again returns the same item
        assertThat(library.importApproved(editor, TestMedia.file("health-with-audio.mp4"),
                meta("Lagi", Category.HEALTH, null, null)).id()).isEqualTo(v.id());
    }

    @Test
    void onlyApprovedUnexpiredContentReachesScreensAndTheBookingForm() {
        var fields = Additions.fieldsOf(meta("Pending", Category.HEALTH, null, null), false);
        MediaItem pending = library.slides().create(contributor, Slide.parse("Gizi", "", "#1b5e20", "#ffffff", null),
                fields);
        assertThat(library.forScreen(pending.id(), screen(384, 192))).isEmpty();
        assertThat(library.bookable(pending.id())).isFalse();
        assertThat(library.approved(Category.HEALTH)).extracting(MediaSummary::id).doesNotContain(pending.id());

        MediaItem later = library.importSlide(editor, Slide.parse("Besok", "", "#1b5e20", "#ffffff", null),
                meta("Mulai besok", Category.HEALTH, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(8))));
        Media m = library.forScreen(later.id(), screen(384, 192)).orElseThrow();
        assertThat(m.validAt(T0)).isFalse();
        assertThat(m.validAt(T0.plus(Duration.ofDays(2)))).isTrue();
        assertThat(library.approved(Category.HEALTH)).extracting(MediaSummary::id).contains(later.id());
        assertThat(library.approved(Category.CITY)).extracting(MediaSummary::id).doesNotContain(later.id());

        MediaItem expiring = library.importSlide(editor, Slide.parse("Sebentar", "", "#1b5e20", "#ffffff", null),
                meta("Sebentar", Category.HEALTH, null, clock.instant().plus(Duration.ofHours(1))));
        assertThat(library.bookable(expiring.id())).isTrue();
        library.approvals().approve(editor, pending.id());
        assertThat(library.forScreen(pending.id(), screen(384, 192))).isPresent();
        assertThat(library.forScreen("m-tidakada00", screen(384, 192))).isEmpty();
        assertThat(library.forScreen("../../etc", screen(384, 192))).isEmpty();
    }

    @Test
    void devicesMayFetchOnlyFilesOfApprovedItemsAndTheirDerivedFiles() {
        MediaItem v = library.importApproved(editor, TestMedia.file("city-video-only.mp4"),
                meta("Video", Category.HEALTH, null, null));
        assertThat(library.catalog().approvedFile(v.file().sha256())).isTrue();
        MediaItem withSound = library.find(library.importApproved(editor, TestMedia.file("pb-red-audio.mp4"),
                meta("Merah", Category.HEALTH, null, null)).id()).orElseThrow();
        assertThat(library.catalog().approvedFile(withSound.videoOnly().sha256())).isTrue();
        MediaItem slide = library.slides().create(contributor, Slide.parse("Belum", "", "#1b5e20", "#ffffff", null),
                Additions.fieldsOf(meta("Belum", Category.HEALTH, null, null), false));
        String rendition = library.slides().rendition(slide, new Resolution(320, 160)).sha256();
        assertThat(library.catalog().approvedFile(rendition)).isFalse();
        library.approvals().approve(editor, slide.id());
        assertThat(library.catalog().approvedFile(rendition)).isTrue();
        library.approvals().reject(editor, v.id(), "Ganti versi");
        assertThat(library.catalog().approvedFile(v.file().sha256())).isFalse();
    }

    @Test
    void theSummaryForTheBookingFormHasPlayLengthAndThumbnail() {
        MediaItem img = library.importApproved(editor, TestMedia.file("health-poster.jpg"),
                meta("Poster gizi", Category.HEALTH, null, null));
        MediaSummary s = library.summary(img.id()).orElseThrow();
        assertThat(s.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(s.playMillis()).isEqualTo(12_000);
        assertThat(s.thumbnailUrl()).isEqualTo("/api/v1/media/" + img.file().sha256());
    }

    @Test
    void purgingDeletesOnlyFilesUnreferencedForTheWholeGracePeriod() throws Exception {
        MediaItem keep = library.importApproved(editor, TestMedia.file("city-info.png"),
                meta("Info kota", Category.HEALTH, null, null));
        MediaItem slide = library.importSlide(editor, Slide.parse("Lama", "", "#1b5e20", "#ffffff", null),
                meta("Lama", Category.HEALTH, null, null));
        String oldRendition = library.forScreen(slide.id(), screen(384, 192)).orElseThrow().sha256();
        MediaItem gone = library.slides().create(contributor, Slide.parse("Dihapus", "", "#1b5e20", "#ffffff", null),
                Additions.fieldsOf(meta("Dihapus", Category.HEALTH, null, null), false));
        String goneRendition = library.slides().rendition(gone, new Resolution(384, 192)).sha256();
        // Changing the slide drops its old rendition; deleting the other leaves its file unreferenced.
        library.edits().update(editor, slide.id(), Additions.fieldsOf(meta("Lama", Category.HEALTH, null, null), false),
                Slide.parse("Baru", "", "#1b5e20", "#ffffff", null));
        library.edits().delete(contributor, gone.id());
        Path stray = admin.dataDir().resolve("tmp").resolve("upload-crash.part");
        Files.write(stray, new byte[10]);
        Files.setLastModifiedTime(stray, java.nio.file.attribute.FileTime.from(clock.instant()));

        library.purge(Duration.ofDays(7)); // marks
        clock.advance(Duration.ofDays(6));
        library.purge(Duration.ofDays(7)); // still within the grace period
        assertThat(library.file(oldRendition)).isPresent();
        assertThat(library.file(goneRendition)).isPresent();
        clock.advance(Duration.ofDays(1));
        library.purge(Duration.ofDays(7));
        assertThat(library.file(oldRendition)).isEmpty();
        assertThat(library.file(goneRendition)).isEmpty();
        assertThat(stray).doesNotExist();
        assertThat(library.file(keep.file().sha256())).isPresent();
        String newRendition = library.forScreen(slide.id(), screen(384, 192)).orElseThrow().sha256();
        assertThat(library.file(newRendition)).isPresent();
        assertThat(admin.services().audit.latest(5, 0)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("media.purge");
            assertThat(e.detail()).contains(oldRendition, goneRendition);
        });
    }

    @Test
    void aFileReferencedAgainBeforeTheGraceEndsIsKept() throws Exception {
        MediaItem a = library.slides().create(contributor, Slide.parse("Kembali", "", "#0d47a1", "#ffffff", null),
                Additions.fieldsOf(meta("Kembali", Category.HEALTH, null, null), false));
        String sha = library.slides().rendition(a, new Resolution(200, 100)).sha256();
        library.edits().delete(contributor, a.id());
        library.purge(Duration.ofDays(7));
        clock.advance(Duration.ofDays(3));
        // The same slide is written again: same pixels, same file, referenced again.
        MediaItem b = library.slides().create(contributor, Slide.parse("Kembali", "", "#0d47a1", "#ffffff", null),
                Additions.fieldsOf(meta("Kembali", Category.HEALTH, null, null), false));
        assertThat(library.slides().rendition(b, new Resolution(200, 100)).sha256()).isEqualTo(sha);
        library.purge(Duration.ofDays(7));
        clock.advance(Duration.ofDays(30));
        library.purge(Duration.ofDays(7));
        assertThat(library.file(sha)).isPresent();
    }
}
