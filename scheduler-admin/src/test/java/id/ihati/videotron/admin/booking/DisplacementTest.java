package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.admin.testing.WebClient;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10, item 6 over real HTTP on H2 and PostgreSQL: a city editor's priority-10 booking that takes every
 * play of a Puskesmas health booking cannot be published with the over-capacity tick alone; the publish page
 * names the booking and its owner and asks for a reason; the version keeps it; the owner sees it.
 */
class DisplacementTest {
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases();


    /** 120 s loops of 8 slots of 15 s, on all day, and no minimum share: nothing protects the health booking. */
    static ScreenProfile unprotectedScreen(String id) {
        return new ScreenProfile(id, "Videotron " + id, new Location("Simpang Tiga, Cilegon", -6.0025, 106.0111),
                ScreenProfile.DEFAULT_ZONE, new Resolution(960, 480), 120, 15, ScreenProfile.alwaysOn(), Map.of(),
                FitMode.CONTAIN, false, Set.of(), null);
    }

    static Booking booking(String id, String title, Category c, String owner, String media, String screen,
                           int perLoop, int priority) {
        LocalDate today = LocalDate.now(ScreenProfile.DEFAULT_ZONE);
        return new Booking(id, title, c, owner, List.of(media), Targets.screens(screen), today.minusDays(1),
                today.plusDays(30), Set.of(), List.of(), new Frequency.PerLoop(perLoop), priority);
    }

    /**
     * On a fresh unprotected {@code screen}: the health editor publishes a Puskesmas booking of two slots a loop
     * at priority 4, then the city editor saves a draft of all eight slots at priority 10.
     */
    static void puskesmasBookingThenCityDraftTakingEverySlot(TestAdmin admin, String screen, String healthId,
                                                             String healthTitle, String puskesmas, String cityId,
                                                             String cityTitle) {
        var s = admin.services();
        TestScreens.create(admin, unprotectedScreen(screen));
        String health = BookingFixtures.approvedSlide(admin, Category.HEALTH, healthTitle);
        String city = BookingFixtures.approvedSlide(admin, Category.CITY, cityTitle);
        var healthEditor = BookingSamples.user(s, Role.HEALTH_EDITOR);
        s.scheduling.saveDraft(healthEditor, booking(healthId, healthTitle, Category.HEALTH, puskesmas, health,
                screen, 2, 4));
        s.scheduling.publish(healthEditor, s.scheduling.latestNumber(), healthTitle);
        s.scheduling.saveDraft(BookingSamples.user(s, Role.CITY_EDITOR), booking(cityId, cityTitle, Category.CITY,
                "Diskominfo", city, screen, 8, 10));
    }

    @OnBothDatabases
    void aCityBookingTakingAllPlaysOfAPuskesmasBookingNeedsAReasonThatItsOwnerThenSees(TestAdmin admin) {
        var s = admin.services();
        var sched = s.scheduling;
        puskesmasBookingThenCityDraftTakingEverySlot(admin, "dsp-1", "bk-pkm", "Posyandu Puskesmas Citangkil",
                "Puskesmas Citangkil", "bk-kota", "Festival Krakatau");

        WebClient kominfo = admin.session(Role.CITY_EDITOR);
        var page = Jsoup.parse(kominfo.get("/schedule/publish").body());
        var section = page.select("#displacement");
        assertThat(section.select("[data-displaced=bk-pkm]").text())
                .contains("Posyandu Puskesmas Citangkil", "Pemilik: Puskesmas Citangkil (Uji HEALTH_EDITOR)",
                        "kehilangan 1.440 dari 1.440 penayangan",
                        "pemesanan berprioritas lebih tinggi mengambil slotnya");
        assertThat(page.select("textarea[name=displacementReason]")).hasSize(1);

        // The over-capacity tick alone is not enough: the reason is asked beside its field, nothing is published.
        long before = sched.latestNumber();
        var refused = kominfo.postForm("/schedule/publish", Map.of("base", Long.toString(before),
                "note", "Festival Krakatau", "confirmOverbooked", "1", "displacementReason", " "));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select(".field-error[data-field=displacementReason]").text())
                .isEqualTo("Tulis alasan mengambil penayangan dari pemesanan organisasi lain.");
        WebClient kominfoEn = admin.session(Role.CITY_EDITOR);
        kominfoEn.get("/schedule/publish?lang=en");
        var refusedEn = kominfoEn.postForm("/schedule/publish?lang=en", Map.of("base", Long.toString(before),
                "note", "Festival Krakatau", "confirmOverbooked", "1"));
        assertThat(Jsoup.parse(refusedEn.body()).select(".field-error[data-field=displacementReason]").text())
                .isEqualTo("Give a reason for taking plays from other organisations' bookings.");
        assertThat(sched.latestNumber()).isEqualTo(before);
        assertThat(sched.published().bookings()).extracting(Booking::id).doesNotContain("bk-kota");

        var published = kominfo.postForm("/schedule/publish", Map.of("base", Long.toString(before),
                "note", "Festival Krakatau", "confirmOverbooked", "1",
                "displacementReason", "Acara resmi Wali Kota, tiga hari"));
        assertThat(published.statusCode()).isEqualTo(302);
        long v = before + 1;
        assertThat(published.headers().firstValue("Location")).hasValue("/schedule/versions/" + v);

        // The version keeps the reason and names the booking and its owner.
        var version = Jsoup.parse(kominfo.get("/schedule/versions/" + v).body());
        assertThat(version.select("#displacement-reason").text()).isEqualTo("Acara resmi Wali Kota, tiga hari");
        assertThat(version.select("#displacement [data-displaced=bk-pkm]").text())
                .contains("Posyandu Puskesmas Citangkil", "Puskesmas Citangkil", "1.440 dari 1.440");

        // The owner sees it: on the booking, in the versions list, and no plain "Tayang" in the booking list.
        WebClient dinkes = admin.session(Role.HEALTH_EDITOR);
        var detail = Jsoup.parse(dinkes.get("/bookings/bk-pkm").body());
        assertThat(detail.select("#displacement li[data-version=" + v + "]").text())
                .contains("v" + v, "Uji CITY_EDITOR", "kehilangan 1.440 dari 1.440 penayangan",
                        "Acara resmi Wali Kota, tiga hari");
        var versions = Jsoup.parse(dinkes.get("/schedule/versions").body());
        assertThat(versions.select("[data-displaced-version=" + v + "]").text())
                .contains("Menggeser 1 pemesanan", "Posyandu Puskesmas Citangkil", "pemesanan Anda",
                        "Acara resmi Wali Kota, tiga hari");
        var list = Jsoup.parse(dinkes.get("/bookings").body());
        var row = list.select("a[href=/bookings/bk-pkm]").first().closest("tr");
        assertThat(row.select(".status").text()).isEqualTo("Tayang, tergeser");
        assertThat(row.text()).contains("Hari ini kehilangan 1.440 dari 1.440 penayangan");

        // The query other features (dashboard notices) use: displacements of bookings this person owns.
        assertThat(sched.displacements.ownedBy(admin.username(Role.HEALTH_EDITOR), 10).stream()
                .filter(n -> n.displacement().bookingId().equals("bk-pkm"))).singleElement()
                .satisfies(n -> {
                    assertThat(n.version()).isEqualTo(v);
                    assertThat(n.publishedBy()).isEqualTo(admin.username(Role.CITY_EDITOR));
                    assertThat(n.reason()).isEqualTo("Acara resmi Wali Kota, tiga hari");
                    assertThat(n.displacement().bookingId()).isEqualTo("bk-pkm");
                    assertThat(n.displacement().lost()).isEqualTo(1440);
                });
        assertThat(sched.displacements.ownedBy(admin.username(Role.CITY_EDITOR), 10)).isEmpty();
        String audit = s.jdbi.withHandle(h -> h.createQuery(
                        "SELECT detail FROM audit_log WHERE action = 'SCHEDULE_PUBLISH' AND subject_id = :v")
                .bind("v", Long.toString(v)).mapTo(String.class).one());
        assertThat(audit).contains("Posyandu Puskesmas Citangkil", "Acara resmi Wali Kota, tiga hari");
    }

    @OnBothDatabases
    void aRollbackThatBringsBackADisplacingBookingAsksForAReasonToo(TestAdmin admin) {
        var sched = admin.services().scheduling;
        var cityEditor = BookingSamples.user(admin.services(), Role.CITY_EDITOR);
        puskesmasBookingThenCityDraftTakingEverySlot(admin, "dsp-3", "bk-tbc", "Cek TBC Puskesmas Grogol",
                "Puskesmas Grogol", "bk-hut", "Hari Jadi Cilegon");
        long withCity = sched.publish(cityEditor, sched.latestNumber(), "Hari jadi", "Hari jadi kota").version();
        sched.withdraw(cityEditor, "bk-hut");
        long live = sched.publish(cityEditor, withCity, "Hari jadi selesai").version();

        WebClient adminClient = admin.session(Role.ADMIN);
        var confirm = Jsoup.parse(adminClient.get("/schedule/versions/" + withCity + "/rollback").body());
        assertThat(confirm.select("#displacement [data-displaced=bk-tbc]").text())
                .contains("Cek TBC Puskesmas Grogol", "Puskesmas Grogol", "kehilangan 1.440 dari 1.440 penayangan");
        var refused = adminClient.postForm("/schedule/versions/" + withCity + "/rollback",
                Map.of("base", Long.toString(live), "confirm", "yes"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(refused.body()).select(".field-error[data-field=displacementReason]").text())
                .isEqualTo("Tulis alasan mengambil penayangan dari pemesanan organisasi lain.");
        assertThat(sched.latestNumber()).isEqualTo(live);
        var done = adminClient.postForm("/schedule/versions/" + withCity + "/rollback",
                Map.of("base", Long.toString(live), "confirm", "yes", "displacementReason", "Hari jadi diperpanjang"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(sched.displacements.ofBooking("bk-tbc")).extracting(Displacement.Notice::version,
                Displacement.Notice::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(live + 1, "Hari jadi diperpanjang"),
                org.assertj.core.groups.Tuple.tuple(withCity, "Hari jadi kota"));
    }

    @OnBothDatabases
    void takingPlaysFromOnesOwnBookingAsksForNoReason(TestAdmin admin) {
        var s = admin.services();
        var sched = s.scheduling;
        TestScreens.create(admin, unprotectedScreen("dsp-2"));
        String city = BookingFixtures.approvedSlide(admin, Category.CITY, "Car Free Day");
        var cityEditor = BookingSamples.user(s, Role.CITY_EDITOR);
        sched.saveDraft(cityEditor, booking("bk-own-a", "Car Free Day", Category.CITY, "Organisasi Uji", city,
                "dsp-2", 4, 3));
        sched.publish(cityEditor, sched.latestNumber(), "CFD");
        sched.saveDraft(cityEditor, booking("bk-own-b", "Pajak kendaraan", Category.CITY, "Organisasi Uji", city,
                "dsp-2", 8, 9));

        WebClient kominfo = admin.session(Role.CITY_EDITOR);
        assertThat(Jsoup.parse(kominfo.get("/schedule/publish").body()).select("#displacement")).isEmpty();
        long before = sched.latestNumber();
        var published = kominfo.postForm("/schedule/publish", Map.of("base", Long.toString(before),
                "note", "Pajak kendaraan", "confirmOverbooked", "1"));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(sched.displacements.ofVersion(before + 1)).isEmpty();
        assertThat(sched.versions.find(before + 1).orElseThrow().displacementReason()).isNull();
    }
}
