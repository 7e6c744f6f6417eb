package id.ihati.videotron.admin.player;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.booking.PublishedSchedule;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ManifestServiceTest {
    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z"); // 10:00 WIB
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    final ScreenProfile screen = TestScreens.profile("simpang-tiga");

    static Media media(String id, Instant validUntil) {
        return new Media(id, MediaKind.IMAGE, Character.toString('a' + Math.abs(id.hashCode()) % 6).repeat(64), 1000,
                15_000, new Resolution(960, 480), "Judul " + id, "Dinkes", List.of(), null, validUntil, false, null);
    }

    final Map<String, Media> library = Map.of(
            "m-dbd", media("m-dbd", null), "m-gizi", media("m-gizi", null), "m-kota", media("m-kota", null),
            "m-psc", media("m-psc", null), "m-isi", media("m-isi", null),
            "m-lama", media("m-lama", NOW.minusSeconds(60)));

    final MediaCatalog catalog = new MediaCatalog() {
        @Override
        public Optional<Media> forScreen(String mediaId, ScreenProfile s) {
            return Optional.ofNullable(library.get(mediaId));
        }

        @Override
        public Optional<Path> file(String sha256) {
            return Optional.empty();
        }
    };

    static Booking booking(String id, List<String> items, Targets targets, LocalDate from, LocalDate to) {
        return new Booking(id, "Booking " + id, Category.HEALTH, "Dinkes", items, targets, from, to, null, null,
                new Frequency.PerLoop(1), 1);
    }

    PublishedSchedule schedule() {
        return new PublishedSchedule(7, List.of(
                booking("b-dbd", List.of("m-dbd", "m-hilang"), new Targets(Set.of(), Set.of("pusat-kota"), false),
                        TODAY, TODAY.plusDays(30)),
                booking("b-lain", List.of("m-gizi"), Targets.screens("layar-lain"), TODAY, TODAY.plusDays(3)),
                booking("b-lewat", List.of("m-gizi"), Targets.all(), TODAY.minusDays(10), TODAY.minusDays(1)),
                booking("b-nanti", List.of("m-gizi"), Targets.all(), TODAY.plusDays(20), TODAY.plusDays(25)),
                booking("b-hanya-hilang", List.of("m-hilang", "m-lama"), Targets.all(), TODAY, TODAY)),
                List.of(new Alert("a-psc", "PSC 119", "m-psc", Targets.all(), NOW.minusSeconds(60), null, 10),
                        new Alert("a-selesai", "Selesai", "m-psc", Targets.all(), NOW.minusSeconds(7200),
                                NOW.minusSeconds(3600), 10)),
                new Filler(List.of("m-isi", "m-kota")));
    }

    @Test
    void theManifestHoldsWhatTargetsTheScreenInTheNextSevenDaysWithEveryNamedMedia() {
        var built = ManifestService.build(screen, schedule(), catalog, NOW, 3);
        var m = built.manifest();
        assertThat(m.scheduleVersion()).isEqualTo(7);
        assertThat(m.validUntil()).isEqualTo(Instant.parse("2026-12-02T17:00:00Z")); // 3 Dec 00:00 WIB
        assertThat(m.bookings()).extracting(Booking::id).containsExactly("b-dbd");
        assertThat(m.bookings().get(0).items()).containsExactly("m-dbd");
        assertThat(m.alerts()).extracting(Alert::id).containsExactly("a-psc");
        assertThat(m.filler().items()).containsExactly("m-isi", "m-kota");
        assertThat(m.media()).extracting(Media::id).containsExactlyInAnyOrder("m-psc", "m-dbd", "m-isi", "m-kota");
        assertThat(built.missing()).containsExactlyInAnyOrder("m-hilang", "m-lama");
        assertThat(ManifestCodec.contentHashMatches(m)).isTrue();
        assertThat(built.etag()).isEqualTo("\"" + m.contentHash() + "\"");
    }

    @Test
    void theContentHashIgnoresWhenTheManifestWasBuiltButNotWhatIsInIt() {
        var a = ManifestService.build(screen, schedule(), catalog, NOW, 1);
        var later = ManifestService.build(screen, schedule(), catalog, NOW.plusSeconds(3600), 2);
        assertThat(later.contentHash()).isEqualTo(a.contentHash());
        assertThat(later.manifest().generatedAt()).isNotEqualTo(a.manifest().generatedAt());
        var nextDay = ManifestService.build(screen, schedule(), catalog, NOW.plusSeconds(86_400), 2);
        assertThat(nextDay.contentHash()).isNotEqualTo(a.contentHash());
        var other = ManifestService.build(screen, PublishedSchedule.EMPTY, catalog, NOW, 1);
        assertThat(other.contentHash()).isNotEqualTo(a.contentHash());
    }

    @Test
    void theResolverCanPlanFromTheManifest() {
        var m = ManifestService.build(screen, schedule(), catalog, NOW, 1).manifest();
        var plays = new TimelineResolver().resolve(m, NOW, NOW.plusSeconds(600)).plays();
        assertThat(plays).isNotEmpty();
        // the alert in force pre-empts everything
        assertThat(plays).allMatch(p -> p.mediaId().equals("m-psc"));
    }
}
