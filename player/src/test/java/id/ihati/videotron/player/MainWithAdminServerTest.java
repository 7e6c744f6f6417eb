package id.ihati.videotron.player;

import static org.assertj.core.api.Assertions.assertThat;
import id.ihati.videotron.player.playback.Fx;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.MediaItem;
import id.ihati.videotron.admin.player.ProofOfPlay;
import id.ihati.videotron.admin.player.ScreenStatus;
import id.ihati.videotron.admin.player.Screenshots;
import id.ihati.videotron.admin.player.StatusRepository;
import id.ihati.videotron.admin.testing.Eventually;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.security.PublicKey;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.Location;
import id.ihati.videotron.playlists.schedule.OutputArea;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real player process ({@link Main} in a child JVM, under the test display and sound server) against the
 * real admin server (H2, random port): pairing through the admin's pairing page, download, playback seen by
 * the server in heartbeats, proof of play and a screenshot, then {@code kill -9} and a restart.
 *
 * <p>Pictures for people to look at land in {@code target/e2e/}: the pairing screen (grabbed from the X
 * display, since an unpaired player cannot upload) and the player's own screenshot taken on the server's request.
 * The server is the shared {@code TestAdmin}; the player is a process of its own ({@link ChildPlayer}), which the
 * test kills.
 */
class MainWithAdminServerTest {
    private static final Path OUT = Path.of("target", "e2e");
    private static final Pattern CODE = Pattern.compile("pairing: showing code (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @TempDir
    Path data;

    private TestAdmin admin;
    private Process player;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (player != null) {
            player.destroy();
            if (!player.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                player.destroyForcibly().waitFor();
            }
        }
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void anUnpairedPlayerPairsPlaysTheBookingAndAfterKillNineResumesWithoutLosingOrRepeatingAPlay()
            throws Exception {
        Fx.requireDisplay();
        Files.createDirectories(OUT);
        admin = TestAdmin.h2();
        // A 12 s loop of four 3 s slots, so a test minute holds many plays.
        String screenId = "e2e-simpang-tiga";
        ScreenProfile screen = TestScreens.create(admin, new ScreenProfile(screenId, "Videotron Simpang Tiga",
                new Location("Simpang Tiga, Cilegon", -6.0025, 106.0111), ScreenProfile.DEFAULT_ZONE,
                new Resolution(960, 480), 12, 3, ScreenProfile.alwaysOn(), Map.of(Category.HEALTH, 25),
                FitMode.CONTAIN, false, Set.of("pusat-kota"), new OutputArea(0, 0, 960, 480)));
        var plan = publishPlan(screen);

        // 1. Unpaired: the player shows a code, which the ADMIN types on the screen's page.
        Path firstLog = OUT.resolve("player-1.log");
        player = startPlayer(firstLog);
        String code = awaitMatch(firstLog, CODE, Duration.ofSeconds(30)).group(1);
        // The code is drawn on the FX thread just after it is logged: the screen shows more than one colour.
        byte[] pairingScreen = await(() -> Optional.of(ChildPlayer.grabPng(960, 480)).filter(png -> colours(png) > 1),
                "the pairing screen drawn", Duration.ofSeconds(10));
        Files.write(OUT.resolve("pairing-screen.png"), pairingScreen);
        var web = TestScreens.adminClient(admin);
        web.get("/screens/" + screenId);
        assertThat(web.postForm("/screens/" + screenId + "/pair", Map.of("code", code)).statusCode()).isEqualTo(302);

        Path token = data.resolve("device-token");
        await(() -> Files.exists(token), "token stored", Duration.ofSeconds(15));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        String tokenText = Files.readString(token);
        // The device key made at pairing lies beside the token, as private; its public half is the server's.
        Path key = data.resolve("device-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        PublicKey devicePublic = PlaySignatures.publicKey(Files.readAllLines(key).get(0)).orElseThrow();
        Instant tokenIssued = admin.services().deviceTokens.live(screenId).orElseThrow().createdAt();

        // 2. It downloads the plan's media and plays: the server sees it in heartbeats and proof of play.
        for (MediaItem m : plan.media()) {
            Path cached = data.resolve("media").resolve(m.file().sha256());
            await(() -> Files.exists(cached), "cached " + m.id(), Duration.ofSeconds(20));
            assertThat(Files.readAllBytes(cached)).isEqualTo(original(m));
        }
        var statuses = new StatusRepository(admin.services().jdbi);
        Set<String> planned = Set.of(plan.poster().id(), plan.video().id(), plan.image().id());
        ScreenStatus playing = await(() -> statuses.find(screenId)
                .filter(s -> "PLAYING".equals(s.status()) && planned.contains(s.playingMedia())),
                "a heartbeat saying what plays", Duration.ofSeconds(35));
        assertThat(playing.playerVersion()).isEqualTo(Main.VERSION);

        var proof = new ProofOfPlay(admin.services().jdbi, admin.services().clock);
        await(() -> Optional.of(stored(proof, screenId)).filter(r -> r.stream()
                .anyMatch(p -> "b-e2e".equals(p.sourceId()))), "a play of the booking uploaded", Duration.ofSeconds(30));

        admin.services().playerEvents.requestScreenshot(screenId);
        var shots = new Screenshots(admin.services().jdbi, admin.services().clock, admin.dataDir());
        Path shot = await(() -> shots.latest(screenId).map(Screenshots.Shot::file), "screenshot",
                Duration.ofSeconds(15));
        Files.copy(shot, OUT.resolve("player-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        BufferedImage picture = ImageIO.read(shot.toFile());
        assertThat(picture.getWidth()).isEqualTo(960);
        assertThat(picture.getHeight()).isEqualTo(480);
        assertThat(colours(picture)).as("distinct colours in the screenshot").isGreaterThan(1);

        // 3. kill -9 in the middle of playing; the cached poster is damaged while the player is down.
        player.destroyForcibly();
        player.waitFor();
        Set<String> journalled = journalledPlayIds();
        assertThat(journalled).isNotEmpty();
        Path posterFile = data.resolve("media").resolve(plan.poster().file().sha256());
        byte[] damaged = Files.readAllBytes(posterFile);
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(posterFile, damaged);
        Instant restarted = Instant.now();

        Path secondLog = OUT.resolve("player-2.log");
        player = startPlayer(secondLog);
        // Every play journalled before the kill reaches the server, and new plays follow.
        List<PlayRecord> after = await(() -> Optional.of(stored(proof, screenId)).filter(r ->
                        r.stream().map(PlayRecord::playId).toList().containsAll(journalled)
                        && r.stream().filter(p -> p.actualStart().isAfter(restarted)).count() >= 3),
                "the journal and new plays uploaded after the restart", Duration.ofSeconds(40));

        assertThat(Files.readString(secondLog)).doesNotContain("pairing: showing code");
        // Issue 14 part 5: restarted from a warm cache, the window goes from black straight to the plan's picture.
        String second = Files.readString(secondLog);
        int firstPicture = second.indexOf("first picture on screen");
        assertThat(firstPicture).as("the restarted player logs its first picture").isPositive();
        assertThat(second.substring(0, firstPicture)).as("no status screen before the first picture")
                .doesNotContain("showing STATUS");
        assertThat(Files.readString(token)).isEqualTo(tokenText);
        assertThat(admin.services().deviceTokens.live(screenId).orElseThrow().createdAt()).isEqualTo(tokenIssued);
        assertThat(Files.readAllBytes(posterFile)).as("the damaged file was fetched again")
                .isEqualTo(original(plan.poster()));
        assertThat(Files.readString(secondLog)).contains("fails its SHA-256 check");

        assertThat(after.stream().map(PlayRecord::playId).distinct()).hasSize(after.size());
        assertThat(after).as("every stored play signed with the device key").allMatch(r -> PlaySignatures.verify(r,
                devicePublic));
        assertThat(after.stream().map(r -> r.plannedStart() + " " + r.mediaId()).distinct())
                .as("no planned play twice").hasSize(after.size());
        assertThat(after).extracting(PlayRecord::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, after.size()).boxed().toList());
        assertThat(ChainCheck.verify(after, PlayRecord.GENESIS, 1).problems())
                .as("chain problems; stored: %s%njournal: %s", after, journalLines()).isEmpty();
        // Each record is a play the resolver planned for this screen (same slot, media and booking), or filler
        // that playback put in a planned play's slot (while the damaged poster was fetched again).
        for (PlayRecord r : after) {
            LocalDate day = r.plannedStart().atZone(screen.timeZone()).toLocalDate();
            List<PlannedPlay> plays = admin.services().scheduling.publishedTimeline(screen, day).plays();
            assertThat(plays).as("planned play for %s", r).anyMatch(p -> r.sourceId() == null
                    ? r.category() == Category.FILLER && !r.plannedStart().isBefore(p.start())
                            && r.plannedStart().isBefore(p.end())
                    : p.start().equals(r.plannedStart()) && p.mediaId().equals(r.mediaId())
                            && r.sourceId().equals(p.sourceId()));
        }
    }

    /** The booking (the poster, once a loop) and the filler (a silent video and an image), as published. */
    private record Plan(MediaItem poster, MediaItem video, MediaItem image) {
        List<MediaItem> media() {
            return List.of(poster, video, image);
        }
    }

    private Plan publishPlan(ScreenProfile screen) {
        var s = admin.services();
        User editor = s.users.findByUsername(admin.username(Role.HEALTH_EDITOR)).orElseThrow();
        User adminUser = s.users.findByUsername(admin.username(Role.ADMIN)).orElseThrow();
        var poster = ApprovedMedia.add(admin, Role.HEALTH_EDITOR, "health-poster.jpg", "Imunisasi lengkap", "Dinkes",
                Category.HEALTH, 3);
        var video = ApprovedMedia.add(admin, Role.CITY_EDITOR, "city-video-only.mp4", "Info kota", "Pemkot",
                Category.CITY, 3);
        var image = ApprovedMedia.add(admin, Role.CITY_EDITOR, "city-info.png", "Jadwal CFD", "Pemkot",
                Category.CITY, 3);
        LocalDate today = LocalDate.now(screen.timeZone());
        s.scheduling.saveDraft(editor, new Booking("b-e2e", "Imunisasi", Category.HEALTH, "Dinkes",
                List.of(poster.id()), Targets.screens(screen.id()), today.minusDays(1), today.plusDays(1), null,
                null, new Frequency.PerLoop(1), 1));
        s.scheduling.publish(editor, s.scheduling.latestNumber(), "uji ujung ke ujung");
        s.scheduling.setFiller(adminUser, new Filler(List.of(video.id(), image.id())), s.scheduling.latestNumber(),
                "uji ujung ke ujung");
        return new Plan(poster, video, image);
    }

    private Process startPlayer(Path log) throws IOException {
        return ChildPlayer.start(admin.baseUrl(), data, log);
    }

    private byte[] original(MediaItem m) throws IOException {
        return Files.readAllBytes(admin.services().media.file(m.file().sha256()).orElseThrow());
    }

    private static List<PlayRecord> stored(ProofOfPlay proof, String screenId) {
        return proof.between(screenId, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));
    }

    /** The play ids in the journal's segment files, as the killed process left them. */
    private Set<String> journalledPlayIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (String line : journalLines()) {
            ids.add(JSON.readTree(line).get("playId").asText());
        }
        return ids;
    }

    private List<String> journalLines() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("proof"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(lines::add);
            }
        }
        return lines;
    }

    private static int colours(byte[] png) {
        try {
            return colours(ImageIO.read(new java.io.ByteArrayInputStream(png)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int colours(BufferedImage picture) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < picture.getHeight(); y += 4) {
            for (int x = 0; x < picture.getWidth(); x += 4) {
                seen.add(picture.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private Matcher awaitMatch(Path log, Pattern pattern, Duration timeout) throws Exception {
        return await(() -> {
            try {
                Matcher m = pattern.matcher(Files.exists(log) ? Files.readString(log) : "");
                return m.find() ? Optional.of(m) : Optional.empty();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "log line " + pattern, timeout);
    }

    /** {@link Eventually#awaitValue}, failing at once if the player process ends meanwhile. */
    private <T> T await(Supplier<Optional<T>> probe, String what, Duration timeout) {
        return Eventually.awaitValue(() -> {
            if (player != null && !player.isAlive()) {
                throw new AssertionError("the player process ended (status " + player.exitValue()
                        + ") while waiting for: " + what);
            }
            return probe.get();
        }, what, timeout);
    }

    private void await(java.util.function.BooleanSupplier condition, String what, Duration timeout) {
        await(() -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), what, timeout);
    }
}
