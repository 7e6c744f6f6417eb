package id.ihati.videotron.admin.screen;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScreenRepositoryTest {
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases();


    @OnBothDatabases
    void aStoredProfileReadsBackEqualIncludingHoursSharesGroupsAndOutput(TestAdmin admin) {
        var hours = Map.of(DayOfWeek.MONDAY, List.of(new TimeWindow(LocalTime.of(6, 0), LocalTime.of(12, 0)),
                        new TimeWindow(LocalTime.of(13, 0), LocalTime.of(2, 0))),
                DayOfWeek.SUNDAY, List.of(TimeWindow.ALL_DAY));
        var p = new ScreenProfile("alun-alun", "Alun-alun Cilegon", new Location("Alun-alun", -6.01, 106.05),
                ZoneId.of("Asia/Makassar"), new Resolution(1920, 640), 300, 20, hours,
                Map.of(Category.HEALTH, 30, Category.CITY, 25), FitMode.COVER, true, Set.of("pusat-kota", "alun"),
                null);
        TestScreens.create(admin, p);
        var read = admin.services().screens.find("alun-alun").orElseThrow();
        assertThat(read.profile()).isEqualTo(p);
        assertThat(read.revision()).isEqualTo(1);
        assertThat(admin.services().screens.profile("alun-alun")).hasValue(p);
    }

    @OnBothDatabases
    void targetsPickScreensByIdGroupOrAll(TestAdmin admin) {
        TestScreens.create(admin, TestScreens.profile("pcg-a"));
        var repo = admin.services().screens;
        assertThat(repo.targeted(Targets.screens("pcg-a"))).extracting(ScreenProfile::id).containsExactly("pcg-a");
        assertThat(repo.targeted(new Targets(Set.of(), Set.of("pusat-kota"), false)))
                .extracting(ScreenProfile::id).contains("pcg-a");
        assertThat(repo.targeted(Targets.all())).hasSizeGreaterThanOrEqualTo(1);
        assertThat(repo.groups()).contains("pusat-kota");
    }

    @OnBothDatabases
    void anUpdateReplacesTheProfileAndCountsTheRevision(TestAdmin admin) {
        var s = admin.services();
        TestScreens.create(admin, TestScreens.profile("upd-1"));
        var changed = new ScreenProfile("upd-1", "Baru", null, null, new Resolution(640, 320), 60, 10,
                Map.of(), Map.of(), FitMode.STRETCH, false, Set.of(), null);
        boolean updated = s.jdbi.inTransaction(h -> s.screens.update(h, changed, "catatan", s.clock.instant()));
        assertThat(updated).isTrue();
        var read = s.screens.find("upd-1").orElseThrow();
        assertThat(read.profile()).isEqualTo(changed);
        assertThat(read.notes()).isEqualTo("catatan");
        assertThat(read.revision()).isEqualTo(2);
    }
}
