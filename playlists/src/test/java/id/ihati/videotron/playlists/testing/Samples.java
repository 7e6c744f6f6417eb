package id.ihati.videotron.playlists.testing;

import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.schedule.Alert;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.MediaKind;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders for schedules in tests: defaults for everything a test does not care about. */
public final class Samples {
    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    public static final LocalDate DAY = LocalDate.of(2026, 12, 1);   // a Tuesday

    private Samples() {
    }

    public static ScreenProfile screen(int loopSeconds, int slotSeconds) {
        return screen("simpang-tiga", WIB, loopSeconds, slotSeconds, ScreenProfile.alwaysOn(), Map.of());
    }

    public static ScreenProfile screen(String id, ZoneId zone, int loopSeconds, int slotSeconds,
                                       Map<DayOfWeek, List<TimeWindow>> hours, Map<Category, Integer> shares) {
        return new ScreenProfile(id, "Videotron " + id, new Location("Simpang Tiga, Cilegon", -6.0174, 106.0538),
                zone, new Resolution(960, 480), loopSeconds, slotSeconds, hours, shares, null, false,
                Set.of("pusat-kota"), null);
    }

    public static String sha(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Media media(String id, int seconds) {
        return new Media(id, MediaKind.VIDEO, sha(id), 100_000, seconds * 1000L, new Resolution(960, 480),
                "Judul " + id, "Dinkes", List.of(), null, null, false, null);
    }

    public static Media media(String id, int seconds, Instant validFrom, Instant validUntil) {
        return new Media(id, MediaKind.IMAGE, sha(id), 100_000, seconds * 1000L, new Resolution(960, 480),
                "Judul " + id, "Dinkes", List.of(), validFrom, validUntil, false, null);
    }

    public static Booking booking(String id, Category category, int priority, Frequency frequency, String... items) {
        return booking(id, category, priority, frequency, List.of(), items);
    }

    public static Booking booking(String id, Category category, int priority, Frequency frequency,
                                  List<TimeWindow> windows, String... items) {
        return new Booking(id, "Tayangan " + id, category, category == Category.HEALTH ? "Dinkes" : "Diskominfo",
                List.of(items), Targets.all(), DAY.minusDays(30), DAY.plusDays(30), Set.of(), windows, frequency,
                priority);
    }

    public static TimeWindow window(String from, String to) {
        return new TimeWindow(LocalTime.parse(from), LocalTime.parse(to));
    }

    public static Alert alert(String id, String mediaId, Instant from, Instant until) {
        return new Alert(id, "Peringatan " + id, mediaId, Targets.all(), from, until, 10);
    }

    /** A manifest for {@code screen}, generated at the start of {@link #DAY}, with filler {@code F1, F2}. */
    public static Manifest manifest(ScreenProfile screen, List<Media> media, List<Booking> bookings, List<Alert> alerts) {
        List<Media> all = new ArrayList<>(media);
        if (all.stream().noneMatch(m -> m.id().equals("F1"))) {
            all.add(media("F1", 15));
            all.add(media("F2", 15));
        }
        Instant generated = DAY.atStartOfDay(screen.timeZone()).toInstant();
        return new Manifest(Manifest.FORMAT_VERSION, screen, generated, generated.plusSeconds(7 * 86_400), 1,
                null, all, bookings, alerts, new Filler(List.of("F1", "F2")), null);
    }

    public static Instant at(LocalDate day, String localTime, ZoneId zone) {
        return day.atTime(LocalTime.parse(localTime)).atZone(zone).toInstant();
    }

    public static Instant wib(String localTime) {
        return at(DAY, localTime, WIB);
    }
}
