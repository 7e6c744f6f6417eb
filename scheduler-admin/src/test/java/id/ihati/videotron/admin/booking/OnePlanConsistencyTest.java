package id.ihati.videotron.admin.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.Wiring;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.review.delivery.DeliveryReport;
import id.ihati.videotron.admin.review.export.ICalendar;
import id.ihati.videotron.admin.testing.MutableClock;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestDatabases;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.assembly.Assembler;
import id.ihati.videotron.playlists.assembly.BookingOutcome;
import id.ihati.videotron.playlists.assembly.ScreenDay;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.TimelineResolver;
import id.ihati.videotron.playlists.validation.Parsed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * One plan, told the same everywhere: for random schedules built through the services (as staff would
 * save and publish them), per booking, screen and day, the plays the booking preview shows = the publish
 * page's = those the player's resolver finds in the manifest JSON the player API serves = the reviewer's
 * planned = inside the iCalendar's windows. The random schedule is made from {@code seed}, printed by
 * jqwik (and in every assertion) when a try fails.
 */
class OnePlanConsistencyTest {
    private static final ZoneId WIB = ScreenProfile.DEFAULT_ZONE;
    private static final Instant START = LocalDateTime.of(2026, 12, 2, 10, 0).atZone(WIB).toInstant();
    private static final String[] SCREENS = {"uji-a", "uji-b"};
    private static World h2;
    private static World postgres;

    /** One server with its screens, media, paired players and the bookings of the last try. */
    private static final class World {
        final TestAdmin admin;
        final MutableClock clock;
        final Map<String, String> tokens = new HashMap<>();
        final Map<Category, List<String>> media = new EnumMap<>(Category.class);
        final List<String> live = new ArrayList<>();
        final HttpClient http = HttpClient.newHttpClient();

        World(String url) {
            clock = new MutableClock(START);
            admin = TestAdmin.start(url, clock);
            for (String id : SCREENS) {
                TestScreens.create(admin, TestScreens.profile(id));
                tokens.put(id, TestScreens.pairDirectly(admin, id));
            }
            media.put(Category.HEALTH, List.of(
                    BookingFixtures.approvedSlide(admin, Category.HEALTH, "Cuci Tangan"),
                    slide(Category.HEALTH, "Imunisasi Lengkap", 30)));
            media.put(Category.CITY, List.of(
                    BookingFixtures.approvedSlide(admin, Category.CITY, "Pajak Kendaraan"),
                    slide(Category.CITY, "Festival Cilegon", 30)));
            String filler = BookingFixtures.approvedSlide(admin, Category.CITY, "Logo Kota");
            var sched = admin.services().scheduling;
            sched.setFiller(user(Role.ADMIN), new Filler(List.of(filler)), sched.latestNumber(), "pengisi");
        }

        private String slide(Category c, String title, int seconds) {
            var library = (id.ihati.videotron.admin.media.MediaLibrary) admin.services().media;
            var actor = user(c == Category.HEALTH ? Role.HEALTH_EDITOR : Role.CITY_EDITOR);
            var palette = c == Category.HEALTH ? id.ihati.videotron.admin.media.slide.Slide.Palette.HEALTH_GREEN
                    : id.ihati.videotron.admin.media.slide.Slide.Palette.CITY_BLUE;
            return library.importSlide(actor, new id.ihati.videotron.admin.media.slide.Slide(title, "Uji", palette.background,
                    palette.foreground, null), new id.ihati.videotron.admin.media.Metadata(title,
                    c == Category.HEALTH ? "Dinkes" : "Diskominfo", c, List.of(), null, null, seconds)).id();
        }

        User user(Role role) {
            return admin.services().users.findByUsername(admin.username(role)).orElseThrow();
        }

        Wiring s() {
            return admin.services();
        }

        String manifestJson(String screenId) throws Exception {
            var response = http.send(HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/api/v1/player/manifest"))
                    .header("Authorization", "Bearer " + tokens.get(screenId)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    @BeforeContainer
    static void start() {
        h2 = new World(TestDatabases.h2Url());
        postgres = new World(TestDatabases.newPostgresDatabase());
    }

    @AfterContainer
    static void stop() {
        try (var a = h2 == null ? null : h2.admin; var b = postgres == null ? null : postgres.admin) {
            // closes both
        }
    }

    @Property(tries = 200)
    void everyViewCountsThePlaysThePlayerPlaysOnH2(@ForAll long seed) throws Exception {
        check(h2, seed);
    }

    @Property(tries = 200)
    void everyViewCountsThePlaysThePlayerPlaysOnPostgres(@ForAll long seed) throws Exception {
        check(postgres, seed);
    }

    private static void check(World w, long seed) throws Exception {
        Random r = new Random(seed);
        String why = "seed " + seed;
        w.clock.advance(Duration.ofSeconds(1));
        LocalDate today = LocalDate.ofInstant(w.clock.instant(), WIB);
        LocalDate day = today.plusDays(1 + r.nextInt(2));
        var sched = w.s().scheduling;
        User admin = w.user(Role.ADMIN);

        // The screens: random hours, loop and shares; stored as the screen form would.
        for (String id : SCREENS) {
            ScreenProfile p = randomScreen(id, r);
            w.s().jdbi.useTransaction(h -> w.s().screens.update(h, p, null, w.clock.instant()));
        }
        // The bookings of the last try leave the street; this try's are saved and published.
        for (String id : w.live) {
            sched.withdraw(admin, id);
        }
        w.live.clear();
        int n = 1 + r.nextInt(6);
        for (int i = 0; i < n; i++) {
            Booking b = randomBooking(w, r, day, i);
            try {
                sched.saveDraft(admin, b);
                w.live.add(b.id());
            } catch (ValidationException e) {
                // a frequency the screens can never give: refused per field, as staff would be told
            }
        }
        sched.publish(admin, sched.latestNumber(), "uji " + seed);
        w.s().playerEvents.scheduleChanged();

        var preview = sched.previewPublish(admin, day);
        var review = w.s().review;
        DeliveryReport planned = review.plannedOnly(review.screens(), day, day);
        List<Booking> bookings = sched.latestSnapshot().bookings();
        for (String screenId : SCREENS) {
            ScreenProfile screen = w.s().screens.profile(screenId).orElseThrow();
            Parsed<Manifest> parsed = ManifestCodec.read(w.manifestJson(screenId));
            assertThat(parsed).as(why).isInstanceOf(Parsed.Ok.class);
            Manifest manifest = ((Parsed.Ok<Manifest>) parsed).value();
            // The player's own code: the resolver over the manifest it received.
            Instant from = day.atStartOfDay(WIB).toInstant();
            Instant to = day.plusDays(1).atStartOfDay(WIB).toInstant();
            List<PlannedPlay> played = new TimelineResolver().resolve(manifest, from, to).plays().stream()
                    .filter(p -> p.day().equals(day)).toList();
            ScreenDay player = Assembler.day(manifest, day);
            var sp = preview.screens().stream().filter(x -> x.screen().id().equals(screenId)).findFirst().orElseThrow();
            assertThat(sp.byCategory()).as(why + ": publish page's plays per category on " + screenId)
                    .isEqualTo(player.playsByCategory());
            byte[] ics = ICalendar.write(screen, bookings, w.clock.instant(), false);
            var calendar = Calendar.parse(new String(ics, java.nio.charset.StandardCharsets.UTF_8));
            for (Booking b : bookings) {
                if (!b.targets().includes(screen)) {
                    continue;
                }
                String at = why + ": booking " + b.id() + " on " + screenId + " " + day;
                List<PlannedPlay> mine = played.stream().filter(p -> b.id().equals(p.sourceId())).toList();
                int plays = mine.size();
                // The publish page: a booking it names as losing plays gets what the player plays.
                var conflict = sp.shortfalls().stream().filter(c -> c.outcome().bookingId().equals(b.id())).findFirst();
                BookingOutcome o = player.outcome(b.id()).orElse(null);
                if (conflict.isPresent()) {
                    assertThat(conflict.get().requested() - conflict.get().missing()).as(at).isEqualTo(plays);
                    assertThat(conflict.get().reason().isLoss()).as(at).isTrue();
                } else {
                    assertThat(o == null ? 0 : o.displaced()).as(at + ": a loss the publish page does not show")
                            .isZero();
                }
                // The booking form's preview of this booking, when the day shown is this one.
                if (Preview.firstDay(b, today).equals(day)) {
                    var focus = sched.preview(admin, b).screens().stream()
                            .filter(x -> x.screen().id().equals(screenId)).findFirst().orElseThrow();
                    assertThat(focus.plays()).as(at + ": booking preview").isEqualTo(plays);
                }
                // The reviewer's planned.
                long reviewed = planned.rows().stream().filter(x -> x.screenId().equals(screenId)
                        && x.day().equals(day) && b.id().equals(x.sourceId())).mapToLong(x -> x.tally().planned()).sum();
                assertThat(reviewed).as(at + ": reviewer's planned").isEqualTo(plays);
                // The iCalendar: every play inside one of its windows, and windows only where it can play.
                for (PlannedPlay p : mine) {
                    assertThat(calendar.covers(b.id() + "/" + screenId + "/", p.start(), p.end(), WIB))
                            .as(at + ": play at " + p.start() + " outside the iCalendar's windows").isTrue();
                }
                if (plays > 0 || o != null && o.asked() > 0) {
                    assertThat(calendar.hasWindowOn(b.id() + "/" + screenId + "/", day, WIB)).as(at).isTrue();
                }
            }
        }
    }

    private static ScreenProfile randomScreen(String id, Random r) {
        ScreenProfile base = TestScreens.profile(id);
        int loop = List.of(60, 120, 300).get(r.nextInt(3));
        var hours = new EnumMap<DayOfWeek, List<TimeWindow>>(DayOfWeek.class);
        String[][] choices = {{"00:00", "00:00"}, {"05:00", "00:00"}, {"06:00", "22:00"}, {"18:00", "02:00"},
                {"05:30", "23:45"}};
        String[] c = choices[r.nextInt(choices.length)];
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextInt(10) > 0) {
                hours.put(d, List.of(new TimeWindow(LocalTime.parse(c[0]), LocalTime.parse(c[1]))));
            }
        }
        Map<Category, Integer> shares = switch (r.nextInt(3)) {
            case 0 -> Map.of();
            case 1 -> Map.of(Category.HEALTH, 40);
            default -> Map.of(Category.HEALTH, 30, Category.CITY, 20);
        };
        return new ScreenProfile(id, base.name(), base.location(), WIB, base.resolution(), loop, 15, hours, shares,
                base.fitMode(), false, r.nextBoolean() ? Set.of("grp") : Set.of(), base.output());
    }

    private static Booking randomBooking(World w, Random r, LocalDate day, int i) {
        Category c = r.nextBoolean() ? Category.HEALTH : Category.CITY;
        List<String> pool = w.media.get(c);
        List<String> items = r.nextBoolean() ? List.of(pool.get(r.nextInt(2))) : pool;
        Targets targets = switch (r.nextInt(3)) {
            case 0 -> Targets.all();
            case 1 -> Targets.screens(SCREENS[r.nextInt(2)]);
            default -> new Targets(Set.of(), Set.of("grp"), false);
        };
        Set<DayOfWeek> weekdays = r.nextInt(4) == 0 ? EnumSet.of(day.getDayOfWeek(), day.minusDays(1).getDayOfWeek())
                : Set.of();
        List<TimeWindow> windows = new ArrayList<>();
        if (r.nextBoolean()) {
            for (int k = 0, m = 1 + r.nextInt(2); k < m; k++) {
                int from = r.nextInt(24);
                int to = (from + 1 + r.nextInt(8)) % 24;
                windows.add(new TimeWindow(LocalTime.of(from, 0), LocalTime.of(to, r.nextBoolean() ? 0 : 30)));
            }
        }
        Frequency f = switch (r.nextInt(3)) {
            case 0 -> new Frequency.PerLoop(1 + r.nextInt(3));
            case 1 -> new Frequency.EveryNthLoop(2 + r.nextInt(3));
            default -> new Frequency.PerDay(1 + r.nextInt(60));
        };
        return new Booking(Scheduling.newBookingId(), "Uji " + i, c, c == Category.HEALTH ? "Dinkes" : "Diskominfo",
                items, targets, day.minusDays(r.nextInt(2)), day.plusDays(r.nextInt(2)), weekdays, windows, f,
                1 + r.nextInt(10));
    }

    /** The VEVENTs of an iCalendar document, enough to ask when each recurs. */
    private record Calendar(List<Event> events) {
        private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

        record Event(String uid, LocalDateTime start, LocalDateTime end, Set<DayOfWeek> days, LocalDate until) {
            boolean on(LocalDate d) {
                return !d.isBefore(start.toLocalDate()) && !d.isAfter(until) && days.contains(d.getDayOfWeek());
            }
        }

        static Calendar parse(String ics) {
            var events = new ArrayList<Event>();
            String unfolded = ics.replace("\r\n ", "");
            for (String block : unfolded.split("BEGIN:VEVENT")) {
                if (!block.contains("END:VEVENT")) {
                    continue;
                }
                Map<String, String> f = new HashMap<>();
                for (String line : block.split("\r\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        f.put(line.substring(0, colon).split(";")[0], line.substring(colon + 1));
                    }
                }
                LocalDateTime start = LocalDateTime.parse(f.get("DTSTART"), LOCAL);
                LocalDateTime end = LocalDateTime.parse(f.get("DTEND"), LOCAL);
                String rule = f.get("RRULE");
                Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
                if (rule.contains("BYDAY=")) {
                    days = EnumSet.noneOf(DayOfWeek.class);
                    for (String d : rule.replaceAll(".*BYDAY=([A-Z,]+).*", "$1").split(",")) {
                        for (DayOfWeek x : DayOfWeek.values()) {
                            if (x.name().startsWith(d)) {
                                days.add(x);
                            }
                        }
                    }
                }
                String until = rule.replaceAll(".*UNTIL=(\\d{8}T\\d{6})Z.*", "$1");
                LocalDate last = LocalDateTime.parse(until, LOCAL).atZone(java.time.ZoneOffset.UTC)
                        .withZoneSameInstant(WIB).toLocalDate();
                events.add(new Event(f.get("UID").replace("@ihati-videotron", "").replace("\\", ""), start, end, days,
                        last));
            }
            return new Calendar(events);
        }

        boolean covers(String uidPrefix, Instant from, Instant to, ZoneId zone) {
            LocalDate d = LocalDate.ofInstant(from, zone);
            for (Event e : events) {
                if (!e.uid().startsWith(uidPrefix)) {
                    continue;
                }
                for (LocalDate o : List.of(d.minusDays(1), d)) {
                    if (e.on(o)) {
                        Instant a = o.atTime(e.start().toLocalTime()).atZone(zone).toInstant();
                        Instant b = a.plus(Duration.between(e.start(), e.end()));
                        if (!from.isBefore(a) && !to.isAfter(b)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        boolean hasWindowOn(String uidPrefix, LocalDate d, ZoneId zone) {
            return events.stream().anyMatch(e -> e.uid().startsWith(uidPrefix) && (e.on(d) || e.on(d.minusDays(1))));
        }
    }
}
