package id.ihati.videotron.admin.screen;

import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The {@code screen} table. Reads return {@link Screen}s (admin view) or plain {@link ScreenProfile}s (what
 * bookings, previews and manifests need). Writes take the caller's {@link Handle} so the change and its audit
 * record commit together; callers tell the players afterwards ({@code PlayerEvents.scheduleChanged()}).
 */
public final class ScreenRepository {
    private static final String COLUMNS = """
            id, name, location_text, latitude, longitude, time_zone, width_px, height_px, loop_seconds,
            slot_seconds, operating_hours, min_shares, fit_mode, audio, screen_groups, output_x, output_y,
            output_width, output_height, notes, created_at, updated_at, revision""";
    private final Jdbi jdbi;

    public ScreenRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every screen, by name. */
    public List<Screen> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM screen ORDER BY name, id")
                .map(ScreenRepository::map).list());
    }

    /** Every screen's profile, by name. */
    public List<ScreenProfile> profiles() {
        return all().stream().map(Screen::profile).toList();
    }

    public Optional<Screen> find(String id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    public Optional<Screen> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM screen WHERE id = :id").bind("id", id)
                .map(ScreenRepository::map).findOne();
    }

    public Optional<ScreenProfile> profile(String id) {
        return find(id).map(Screen::profile);
    }

    /** The profiles of the screens these targets include (named screens, groups, or all). */
    public List<ScreenProfile> targeted(Targets targets) {
        return profiles().stream().filter(targets::includes).toList();
    }

    /** Every group name in use, sorted. */
    public Set<String> groups() {
        Set<String> all = new TreeSet<>();
        profiles().forEach(p -> all.addAll(p.groups()));
        return all;
    }

    public boolean exists(Handle h, String id) {
        return h.createQuery("SELECT COUNT(*) FROM screen WHERE id = :id").bind("id", id).mapTo(Integer.class)
                .one() > 0;
    }

    /** Adds a screen inside the caller's transaction. */
    public void insert(Handle h, ScreenProfile p, String notes, Instant now) {
        bind(h.createUpdate("""
                INSERT INTO screen (id, name, location_text, latitude, longitude, time_zone, width_px, height_px,
                    loop_seconds, slot_seconds, operating_hours, min_shares, fit_mode, audio, screen_groups,
                    output_x, output_y, output_width, output_height, notes, created_at, updated_at, revision)
                VALUES (:id, :name, :locationText, :lat, :lon, :zone, :w, :h, :loop, :slot, :hours, :shares, :fit,
                    :audio, :groups, :ox, :oy, :ow, :oh, :notes, :now, :now, 1)"""), p, notes, now).execute();
    }

    /** Replaces a screen's profile (the id stays) and counts the revision up; false if there is no such screen. */
    public boolean update(Handle h, ScreenProfile p, String notes, Instant now) {
        return bind(h.createUpdate("""
                UPDATE screen SET name = :name, location_text = :locationText, latitude = :lat, longitude = :lon,
                    time_zone = :zone, width_px = :w, height_px = :h, loop_seconds = :loop, slot_seconds = :slot,
                    operating_hours = :hours, min_shares = :shares, fit_mode = :fit, audio = :audio,
                    screen_groups = :groups, output_x = :ox, output_y = :oy, output_width = :ow,
                    output_height = :oh, notes = :notes, updated_at = :now, revision = revision + 1
                WHERE id = :id"""), p, notes, now).execute() == 1;
    }

    private static Update bind(Update u, ScreenProfile p, String notes, Instant now) {
        OutputArea o = p.output();
        return u.bind("id", p.id()).bind("name", p.name())
                .bind("locationText", p.location() == null ? "" : p.location().text())
                .bind("lat", p.location() == null ? 0.0 : p.location().latitude())
                .bind("lon", p.location() == null ? 0.0 : p.location().longitude())
                .bind("zone", p.timeZone().getId())
                .bind("w", p.resolution().width()).bind("h", p.resolution().height())
                .bind("loop", p.loopSeconds()).bind("slot", p.slotSeconds())
                .bind("hours", ScreenText.formatHours(p.operatingHours()))
                .bind("shares", ScreenText.formatShares(p.minSharePercent()))
                .bind("fit", p.fitMode().name()).bind("audio", p.audio())
                .bind("groups", ScreenText.formatGroups(p.groups()))
                .bind("ox", o == null ? null : o.x()).bind("oy", o == null ? null : o.y())
                .bind("ow", o == null ? null : o.width()).bind("oh", o == null ? null : o.height())
                .bind("notes", notes).bind("now", Timestamp.from(now));
    }

    static Screen map(ResultSet rs, StatementContext ctx) throws SQLException {
        String locationText = rs.getString("location_text");
        Location location = locationText == null || locationText.isBlank() ? null
                : new Location(locationText, rs.getDouble("latitude"), rs.getDouble("longitude"));
        int ow = rs.getInt("output_width");
        OutputArea output = rs.wasNull() ? null
                : new OutputArea(rs.getInt("output_x"), rs.getInt("output_y"), ow, rs.getInt("output_height"));
        var profile = new ScreenProfile(rs.getString("id"), rs.getString("name"), location,
                ZoneId.of(rs.getString("time_zone")), new Resolution(rs.getInt("width_px"), rs.getInt("height_px")),
                rs.getInt("loop_seconds"), rs.getInt("slot_seconds"),
                ScreenText.parseHours(rs.getString("operating_hours")),
                ScreenText.parseShares(rs.getString("min_shares")), FitMode.valueOf(rs.getString("fit_mode")),
                rs.getBoolean("audio"), ScreenText.parseGroups(rs.getString("screen_groups")), output);
        return new Screen(profile, rs.getString("notes"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("revision"));
    }
}
