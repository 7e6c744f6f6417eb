package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.booking.PublishedSchedule;
import id.ihati.videotron.admin.booking.ScheduleSource;
import id.ihati.videotron.admin.media.MediaCatalog;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.playlists.assembly.Assembler;
import id.ihati.videotron.playlists.assembly.Assembly;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.manifest.ManifestCodec;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each screen's manifest and keeps the newest one per screen in memory, so that a player asking
 * "still {@code <hash>}?" is answered without the database. A kept manifest is used while the change counter
 * ({@link PlayerHub#generation()}) is unchanged and it is younger than {@link #MAX_AGE} (manifests cover a
 * sliding 7 days, so they are rebuilt now and then even when nothing was published).
 */
public final class ManifestService {
    private static final Logger log = LoggerFactory.getLogger(ManifestService.class);
    public static final Duration HORIZON = Duration.ofDays(7);
    public static final Duration MAX_AGE = Duration.ofMinutes(5);
    public static final String MEDIA_PATH = "/api/v1/media/";
    /**
     * How long a screen may still fetch a file after a manifest of it last named it. A player downloads the
     * new plan's files before it switches and keeps playing the old plan until then: when a publish replaces
     * the plan it is downloading, or it must fetch a lost file of the plan it still plays, it asks for files
     * the current manifest no longer names.
     */
    public static final Duration FILE_GRACE = Duration.ofHours(24);
    /**
     * How often a node writes down again that an unchanged manifest still names its files: a file dropped by a
     * manifest built on another node stays allowed for between FILE_GRACE minus this and FILE_GRACE.
     */
    static final Duration NAMED_REFRESH = Duration.ofHours(1);

    /**
     * A built manifest with its JSON, ready to send.
     *
     * @param missing media ids the schedule names but the library cannot give this screen (left out)
     */
    public record Built(Manifest manifest, byte[] json, byte[] gzip, String contentHash, List<String> missing,
                        long generation, Instant builtAt) {
        public String etag() {
            return "\"" + contentHash + "\"";
        }
    }

    private final Clock clock;
    private final ScreenRepository screens;
    private final ScheduleSource schedule;
    private final MediaCatalog mediaCatalog;
    private final LongSupplier generation;
    private final ConcurrentHashMap<String, Built> current = new ConcurrentHashMap<>();
    /** Per screen: the manifest whose files this node last wrote into {@code device_file}. */
    private final ConcurrentHashMap<String, Built> written = new ConcurrentHashMap<>();
    private final DeviceFiles deviceFiles;

    /** Reads screens, the published schedule and the media catalog when it builds. */
    public ManifestService(Clock clock, ScreenRepository screens, ScheduleSource schedule, MediaCatalog mediaCatalog,
                           LongSupplier generation, DeviceFiles deviceFiles) {
        this.clock = clock;
        this.screens = screens;
        this.schedule = schedule;
        this.mediaCatalog = mediaCatalog;
        this.generation = generation;
        this.deviceFiles = deviceFiles;
    }

    /** The kept manifest if it is still good, without touching the database; else empty. */
    public Optional<Built> kept(String screenId) {
        Built b = current.get(screenId);
        if (b == null || b.generation() != generation.getAsLong()
                || !clock.instant().isBefore(b.builtAt().plus(MAX_AGE))) {
            return Optional.empty();
        }
        return Optional.of(b);
    }

    /** The screen's manifest: the kept one, or a fresh one; empty when the screen no longer exists. */
    public Optional<Built> current(String screenId) {
        Optional<Built> kept = kept(screenId);
        if (kept.isPresent()) {
            return kept;
        }
        long gen = generation.getAsLong();
        Optional<ScreenProfile> profile = screens.profile(screenId);
        if (profile.isEmpty()) {
            current.remove(screenId);
            written.remove(screenId);
            return Optional.empty();
        }
        Built built = build(profile.get(), schedule.published(), mediaCatalog, clock.instant(), gen);
        remember(screenId, built);
        return Optional.of(built);
    }

    /** The screen's manifest for a profile the caller has already read: the kept one, or a fresh one. */
    public Built current(ScreenProfile profile) {
        Optional<Built> kept = kept(profile.id());
        if (kept.isPresent()) {
            return kept.get();
        }
        long gen = generation.getAsLong();
        Built built = build(profile, schedule.published(), mediaCatalog, clock.instant(), gen);
        remember(profile.id(), built);
        return built;
    }

    private void remember(String screenId, Built built) {
        Built before = current.put(screenId, built);
        writeNamedFiles(screenId, built);
        if (!built.missing().isEmpty() && (before == null || !before.missing().equals(built.missing()))) {
            log.warn("Screen {}: media {} named by the schedule are not available for it and were left out "
                    + "of its manifest", screenId, built.missing());
        }
    }

    /**
     * Writes down that this manifest names its files, when its content changed since this node last wrote (then
     * the files of the manifest it replaced were named until now, too) or {@link #NAMED_REFRESH} has passed.
     */
    private void writeNamedFiles(String screenId, Built built) {
        Built last = written.get(screenId);
        if (last != null && last.contentHash().equals(built.contentHash())
                && built.builtAt().isBefore(last.builtAt().plus(NAMED_REFRESH))) {
            return;
        }
        Set<String> files = new LinkedHashSet<>(files(built.manifest()));
        if (last != null) {
            files.addAll(files(last.manifest()));
        }
        deviceFiles.named(screenId, files, built.builtAt());
        written.put(screenId, built);
    }

    /**
     * Whether the player of {@code screenId} may fetch the file {@code sha256}: a file of its current manifest,
     * or one that a manifest of it, built on any node, named less than {@link #FILE_GRACE} ago ({@code device_file}).
     */
    public boolean mayFetch(String screenId, String sha256) {
        Optional<Built> now = current(screenId);
        if (now.isEmpty()) {
            return false;
        }
        if (files(now.get().manifest()).contains(sha256)) {
            return true;
        }
        return deviceFiles.namedAfter(screenId, sha256, clock.instant().minus(FILE_GRACE));
    }

    /** The files a player of this manifest downloads: each item's file and, for videos with sound, the silent copy. */
    static Set<String> files(Manifest manifest) {
        Set<String> files = new LinkedHashSet<>();
        for (Media m : manifest.media()) {
            m.files().forEach(f -> files.add(f.sha256()));
        }
        return files;
    }

    /** Forgets which files manifests named before {@link #FILE_GRACE}; the number of rows. */
    public int purgeNamedFiles() {
        return deviceFiles.purge(clock.instant().minus(FILE_GRACE));
    }

    /** Forgets every kept manifest (not which files were named: players may still be fetching them). */
    public void forgetAll() {
        current.clear();
    }

    /**
     * The manifest of {@code screen} at {@code now}: what the playlists {@link Assembler} gives for the
     * published schedule from today to the 7th day after (screen-local), every item the library can give
     * this screen; items it cannot give are left out and listed in {@link Built#missing()}. Pure.
     */
    public static Built build(ScreenProfile screen, PublishedSchedule published, MediaCatalog catalog,
                              Instant now, long generation) {
        // Valid until local midnight 7 days after today: the hash stays put all day unless content changes.
        LocalDate firstDay = now.atZone(screen.timeZone()).toLocalDate();
        LocalDate lastDay = firstDay.plusDays(HORIZON.toDays());
        Assembly a = Assembler.manifest(published.schedule(), catalog::forScreen, screen, now, firstDay, lastDay,
                MEDIA_PATH);
        Manifest manifest = ManifestCodec.withContentHash(a.manifest());
        byte[] json = ManifestCodec.write(manifest).getBytes(StandardCharsets.UTF_8);
        return new Built(manifest, json, gzip(json), manifest.contentHash(), a.missing(), generation, now);
    }

    /** Compressed once per build, so the many players that fetch the same manifest cost no compression. */
    private static byte[] gzip(byte[] bytes) {
        var out = new java.io.ByteArrayOutputStream(bytes.length / 4 + 64);
        try (var z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("gzip into memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
