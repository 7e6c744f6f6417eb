package id.ihati.videotron.admin.media;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Passwords;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.MediaKind;
import org.junit.jupiter.api.Test;

class MediaDemoTest {

    @Test
    void demoContentIsApprovedHealthAndCityContentWithASilentCopyOfTheVideo() {
        try (TestAdmin admin = TestAdmin.h2()) {
            var s = admin.services();
            s.jdbi.useTransaction(h -> {
                s.users.create(h, MediaDemo.HEALTH_EDITOR, "Siti", "Dinas Kesehatan Kota Cilegon", Role.HEALTH_EDITOR,
                        Passwords.hash("x-demo-password"), false, s.clock.instant());
                s.users.create(h, MediaDemo.CITY_EDITOR, "Andi", "Diskominfo", Role.CITY_EDITOR,
                        Passwords.hash("x-demo-password"), false, s.clock.instant());
            });
            new MediaDemo().seed(s);
            var health = s.mediaCatalog.approved(Category.HEALTH);
            assertThat(health).extracting(MediaSummary::title).contains("Cegah DBD dengan 3M Plus",
                    "Gawat darurat? Telepon 119", "Video edukasi DBD");
            assertThat(health).flatExtracting(MediaSummary::tags).contains("dbd", "imunisasi", "gizi", "stunting",
                    "tbc", "psc-119");
            assertThat(s.mediaCatalog.approved(Category.CITY)).hasSize(2);
            var video = health.stream().filter(m -> m.kind() == MediaKind.VIDEO).findFirst().orElseThrow();
            assertThat(((MediaLibrary) s.mediaCatalog).find(video.id()).orElseThrow().videoOnly()).isNotNull();
            assertThat(admin.dataDir().resolve("tmp")).isEmptyDirectory();
        }
    }
}
