package id.ihati.videotron.player.sync;

import static id.ihati.videotron.admin.testing.Eventually.await;
import id.ihati.videotron.player.net.Json;
import id.ihati.videotron.player.playback.ContentSource;
import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.player.StatusRepository;
import id.ihati.videotron.playlists.schedule.Filler;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.admin.screen.ScreenForm;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.player.proof.PlayOutcome;
import id.ihati.videotron.player.sync.pairing.PairingCode;
import id.ihati.videotron.player.ApprovedMedia;
import id.ihati.videotron.playlists.manifest.Manifest;
import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.proof.Interruption;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.security.KeyPair;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import id.ihati.videotron.player.time.ServerClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sync half against the real admin server on a random port (H2): pairing end to end, a plan change
 * pushed over the event stream, screenshots on request, a network cut, a restart and a revoked token.
 */
class SyncWithAdminServerTest extends WithAdminServer {
    /** Short timings: polls every second (when the stream is down), heartbeats every second. */
    private SyncSettings settings(java.net.URI server, Duration poll) {
        return settings(server, poll, Duration.ofSeconds(20));
    }

    private SyncSettings settings(java.net.URI server, Duration poll, Duration silenceLimit) {
        return SyncSettings.of(server, data, 100_000_000, "0.1.0-test", "uji-pc")
                .withTimings(new SyncSettings.Timings(Duration.ofSeconds(3), Duration.ofSeconds(1), poll,
                        Duration.ofSeconds(2), silenceLimit, Duration.ofMillis(200), Duration.ofSeconds(1), 50));
    }

    private SyncAgent agent(SyncSettings settings) {
        agent = new SyncAgent(settings, http, scheduler, Clock.systemUTC());
        return agent;
    }

    /** A new agent that shows a pairing code, which the test ADMIN types on the screen's page; once paired. */
    private SyncAgent pairedThroughTheScreenPage(String id, Duration poll) throws Exception {
        BlockingQueue<PairingCode> codes = new LinkedBlockingQueue<>();
        SyncAgent sync = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), poll));
        sync.onPairingCode(codes::add);
        sync.start();

        PairingCode code = codes.poll(10, TimeUnit.SECONDS);
        assertThat(code).isNotNull();
        assertThat(sync.status()).isEqualTo(SyncAgent.Status.PAIRING);
        var web = TestScreens.adminClient(admin);
        web.get("/screens/" + id);
        assertThat(web.postForm("/screens/" + id + "/pair", Map.of("code", code.code())).statusCode()).isEqualTo(302);

        await(sync::paired, "paired");
        return sync;
    }

    @Test
    void pairsEndToEndStoresTheTokenPrivatelyAndFetchesTheScreensPlan() throws Exception {
        String id = newScreen("pair");
        SyncAgent sync = pairedThroughTheScreenPage(id, Duration.ofSeconds(30));
        Path token = data.resolve("device-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(Files.readString(token)).isNotBlank();
        await(() -> sync.contentSource().manifest().isPresent(), "manifest");
        assertThat(sync.contentSource().manifest().get().screen().id()).isEqualTo(id);
        // Its heartbeat reached the server.
        var statuses = new StatusRepository(admin.services().jdbi);
        await(() -> statuses.find(id).isPresent(), "heartbeat stored");
        assertThat(statuses.find(id).get().playerVersion()).isEqualTo("0.1.0-test");
        assertThat(sync.clockOffsetMillis()).isPresent();
    }

    @Test
    void aPlanChangeIsPushedOverTheEventStreamAndAppliedWithinSeconds() throws Exception {
        String id = newScreen("push");
        pairedBefore(id);
        // Polling every 10 minutes: only the event stream can bring the change in time.
        SyncAgent sync = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofMinutes(10)));
        AtomicInteger changes = new AtomicInteger();
        sync.contentSource().onChange(changes::incrementAndGet);
        sync.start();
        await(() -> sync.contentSource().manifest().isPresent() && sync.eventStreamConnected(), "plan and stream");
        String before = sync.contentSource().manifest().get().contentHash();

        var web = TestScreens.adminClient(admin);
        web.get("/screens/" + id + "/edit");
        var fields = new HashMap<>(admin.services().screens.find(id).map(ScreenForm::of).orElseThrow().values());
        fields.put("slotSeconds", "20");
        assertThat(web.postForm("/screens/" + id, fields).statusCode()).isEqualTo(302);

        long started = System.nanoTime();
        await(() -> sync.contentSource().manifest().get().screen().slotSeconds() == 20, "new plan applied");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(sync.contentSource().manifest().get().contentHash()).isNotEqualTo(before);
        assertThat(changes.get()).isGreaterThanOrEqualTo(2);
        // It was persisted: a restart without network plays it.
        assertThat(Files.readString(data.resolve("manifest/current.json"))).contains("\"slotSeconds\" : 20");
    }

    @Test
    void aScreenshotRequestIsAnsweredWithTheSuppliedPicture() throws Exception {
        String id = newScreen("shot");
        pairedBefore(id);
        SyncAgent sync = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofMinutes(10)));
        byte[] png = Files.readAllBytes(TestManifests.MEDIA.resolve("city-info.png"));
        sync.setScreenshotter(() -> png);
        sync.start();
        await(sync::eventStreamConnected, "stream");

        admin.services().playerEvents.requestScreenshot(id);

        var shots = new id.ihati.videotron.admin.player.Screenshots(admin.services().jdbi, admin.services().clock,
                admin.dataDir());
        await(() -> shots.latest(id).isPresent(), "screenshot stored");
        assertThat(Files.readAllBytes(shots.latest(id).get().file())).isEqualTo(png);
    }

    @Test
    void duringANetworkCutPlaysAreKeptAndUploadedAfterwardsNoneLostNoneTwice() throws Exception {
        String id = newScreen("cut");
        pairedBefore(id);
        network = new NetworkCut(admin.port());
        SyncAgent sync = agent(settings(network.uri(), Duration.ofSeconds(1)));
        sync.start();
        // All its files in: a plan still downloading would gain items during the cut (the filler other tests set).
        await(() -> sync.contentSource().manifest().isPresent() && sync.eventStreamConnected()
                && sync.status() != SyncAgent.Status.DOWNLOADING, "online");
        Manifest plan = sync.contentSource().manifest().get();

        report(sync, id, 0, 5);
        await(() -> sync.unacknowledgedPlays() == 0, "first plays uploaded");

        network.set(NetworkCut.Mode.DOWN);
        await(() -> !sync.eventStreamConnected(), "stream noticed down");
        int uploadsBefore = network.refused("POST /api/v1/player/plays ");
        report(sync, id, 5, 30);
        await(() -> network.refused("POST /api/v1/player/plays ") > uploadsBefore
                && network.refused("POST /api/v1/player/heartbeat ") >= 2
                && network.refused("GET /api/v1/player/manifest") >= 2, "failed uploads, heartbeats and polls");
        assertThat(sync.contentSource().manifest()).contains(plan);   // playback goes on
        assertThat(sync.unacknowledgedPlays()).isEqualTo(30);

        network.set(NetworkCut.Mode.UP);
        await(() -> sync.unacknowledgedPlays() == 0, "backlog uploaded");
        await(sync::eventStreamConnected, "stream back");

        List<PlayRecord> stored = storedPlays(id);
        assertThat(stored).hasSize(35);
        assertThat(stored.stream().map(PlayRecord::playId).distinct()).hasSize(35);
        assertThat(ChainCheck.verify(stored, PlayRecord.GENESIS, 1).problems()).isEmpty();
        assertThat(network.requests("POST /api/v1/player/plays ")).isLessThanOrEqualTo(1 + 30 / 50 + 1 + 3);
    }

    @Test
    void afterALongOutageTheStreamAndThePlanCheckResumeAsSoonAsTheServerAnswersAgain() throws Exception {
        String id = newScreen("back");
        pairedBefore(id);
        network = new NetworkCut(admin.port());
        // Backoffs may grow to a minute, and polling is every 10 minutes: only a prompt reconnect of the event
        // stream, or a prompt plan check, brings a change made during the outage in time.
        SyncAgent sync = agent(SyncSettings.of(network.uri(), data, 100_000_000, "0.1.0-test", "uji-pc")
                .withTimings(new SyncSettings.Timings(Duration.ofSeconds(3), Duration.ofSeconds(1),
                        Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(20), Duration.ofMillis(200),
                        Duration.ofSeconds(1), 50)));
        sync.start();
        await(() -> sync.contentSource().manifest().isPresent() && sync.eventStreamConnected(), "online");

        network.set(NetworkCut.Mode.DOWN);
        await(() -> !sync.eventStreamConnected(), "stream noticed down");
        // The outage lasts until the stream's refused tries are 8 s apart (after 1, 2 and 4 s): its next try is
        // 16 s away.
        await(() -> network.longestGapBetweenRefused("GET /api/v1/player/events").toMillis() >= 7_500,
                "stream tries 8 s apart", Duration.ofSeconds(40));
        var web = TestScreens.adminClient(admin);
        web.get("/screens/" + id + "/edit");
        var fields = new HashMap<>(admin.services().screens.find(id).map(ScreenForm::of).orElseThrow().values());
        fields.put("slotSeconds", "20");
        assertThat(web.postForm("/screens/" + id, fields).statusCode()).isEqualTo(302);

        network.set(NetworkCut.Mode.UP);
        long up = System.nanoTime();
        await(() -> sync.eventStreamConnected()
                && sync.contentSource().manifest().get().screen().slotSeconds() == 20, "stream and new plan back",
                Duration.ofSeconds(40));
        // A heartbeat (every second) is the first call to be answered; the stream and the plan follow it at
        // once, instead of after the remaining ~16 s of the stream's backoff.
        assertThat(Duration.ofNanos(System.nanoTime() - up)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aPcWhoseClockIsThreeSecondsFastPlaysByTheServersTimeAfterItsFirstHeartbeat() throws Exception {
        String id = newScreen("clock");
        pairedBefore(id);
        Clock pcClock = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3));
        var serverClock = new ServerClock(pcClock);
        agent = new SyncAgent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofMinutes(10)), http,
                scheduler, pcClock);
        agent.onClockSample(serverClock::sample);
        agent.start();
        await(() -> !serverClock.correction().isZero(), "first heartbeat measured the clock");

        Duration apart = Duration.between(admin.services().clock.instant(), serverClock.instant()).abs();
        assertThat(apart).isLessThan(Duration.ofMillis(50));
        assertThat(agent.clockOffsetMillis()).hasValueSatisfying(ms -> assertThat(ms).isBetween(2_950L, 3_050L));
    }

    @Test
    void aStreamThatFallsSilentIsNoticedByItsMissingPings() throws Exception {
        String id = newScreen("silent");
        pairedBefore(id);
        network = new NetworkCut(admin.port());
        // The server pings every 15 s: 18 s without a byte means the link is dead.
        SyncAgent sync = agent(settings(network.uri(), Duration.ofSeconds(1), Duration.ofSeconds(18)));
        sync.start();
        await(sync::eventStreamConnected, "stream up");

        network.set(NetworkCut.Mode.SILENT);   // nothing arrives, nothing is closed
        long silentSince = System.nanoTime();
        await(() -> !sync.eventStreamConnected(), "silence noticed", Duration.ofSeconds(40));
        assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isGreaterThan(Duration.ofSeconds(3));

        network.set(NetworkCut.Mode.DOWN);
        network.set(NetworkCut.Mode.UP);
        await(sync::eventStreamConnected, "stream reconnected");
    }

    @Test
    void aRestartResumesWithoutPairingAndTheChainContinues() throws Exception {
        String id = newScreen("restart");
        pairedBefore(id);
        SyncAgent first = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofSeconds(1)));
        first.start();
        await(() -> first.contentSource().manifest().isPresent(), "plan");
        report(first, id, 0, 3);
        await(() -> first.unacknowledgedPlays() == 0, "uploaded");
        first.close();

        BlockingQueue<PairingCode> codes = new LinkedBlockingQueue<>();
        SyncAgent second = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofSeconds(1)));
        second.onPairingCode(codes::add);
        assertThat(second.contentSource().manifest()).isPresent();   // before start, from disk
        second.start();
        report(second, id, 3, 3);
        await(() -> second.unacknowledgedPlays() == 0, "uploaded after restart");

        assertThat(codes).isEmpty();
        List<PlayRecord> stored = storedPlays(id);
        assertThat(stored).extracting(PlayRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(ChainCheck.verify(stored, PlayRecord.GENESIS, 1).problems()).isEmpty();
    }

    @Test
    void aRevokedTokenSendsThePlayerBackToPairingWhileThePlanKeepsPlaying() throws Exception {
        String id = newScreen("revoke");
        pairedBefore(id);
        BlockingQueue<PairingCode> codes = new LinkedBlockingQueue<>();
        SyncAgent sync = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofSeconds(1)));
        sync.onPairingCode(codes::add);
        sync.start();
        await(() -> sync.contentSource().manifest().isPresent(), "plan");

        var web = TestScreens.adminClient(admin);
        web.get("/screens/" + id);
        assertThat(web.postForm("/screens/" + id + "/revoke", Map.of()).statusCode()).isEqualTo(302);

        assertThat(codes.poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(sync.paired()).isFalse();
        assertThat(data.resolve("device-token")).doesNotExist();
        assertThat(sync.contentSource().manifest()).isPresent();
    }

    @Test
    void aNewPlansMediaAndVideoOnlyCopiesAreDownloadedAndVerifiedBeforeTheyArePlayed() throws Exception {
        String id = newScreen("media");
        pairedBefore(id);
        SyncAgent sync = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofMinutes(10)));
        ContentSource content = sync.contentSource();
        List<String> missingAtChange = new java.util.concurrent.CopyOnWriteArrayList<>();
        content.onChange(() -> content.manifest().ifPresent(m -> ManifestSync.requiredFiles(m).stream()
                .filter(f -> content.verifiedFile(f.sha256()).isEmpty())
                .forEach(f -> missingAtChange.add(f.sha256()))));
        sync.start();
        await(() -> content.manifest().isPresent() && sync.eventStreamConnected(), "first plan");

        // The ADMIN puts a video with sound and a poster into the filler rotation (the test screen is silent).
        var services = admin.services();
        User adminUser = services.users.findByUsername(admin.username(Role.ADMIN)).orElseThrow();
        var video = ApprovedMedia.add(admin, Role.HEALTH_EDITOR, "health-with-audio.mp4", "Cegah DBD", "Dinkes",
                Category.HEALTH, 15);
        var poster = ApprovedMedia.add(admin, Role.HEALTH_EDITOR, "health-poster.jpg", "Imunisasi", "Dinkes",
                Category.HEALTH, 15);
        services.scheduling.setFiller(adminUser, new Filler(List.of(video.id(), poster.id())),
                services.scheduling.latestNumber(), "uji pemutar");

        await(() -> content.manifest().map(m -> m.media().size() == 2).orElse(false), "plan with media played");
        Manifest plan = content.manifest().get();
        Media clip = plan.media().stream().filter(m -> m.id().equals(video.id())).findFirst().orElseThrow();
        assertThat(clip.videoOnly()).as("the server made a video-only copy").isNotNull();
        assertThat(ManifestSync.requiredFiles(plan)).hasSize(3);
        assertThat(missingAtChange).as("files missing when the plan was handed to playback").isEmpty();
        Path original = content.verifiedFile(clip.sha256()).orElseThrow();
        assertThat(Files.readAllBytes(original)).isEqualTo(TestManifests.bytes("health-with-audio.mp4"));
        Path silent = content.verifiedFile(clip.videoOnly().sha256()).orElseThrow();
        assertThat(TestManifests.sha256(Files.readAllBytes(silent))).isEqualTo(clip.videoOnly().sha256());
        assertThat(data.resolve("media/partial")).isEmptyDirectory();
    }

    @Test
    void aFailedPlayIsReportedInTheNextHeartbeatOnceAndShownOnTheDashboard() throws Exception {
        String id = newScreen("errors");
        pairedBefore(id);
        SyncAgent sync = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofMinutes(10)));
        sync.start();
        await(() -> sync.contentSource().manifest().isPresent(), "plan");

        Instant start = Instant.now();
        var planned = new PlannedPlay(start, start.plusSeconds(15), id, "m-rusak", Category.FILLER, null,
                LocalDate.now(), 0, 0, 1);
        // Cut by a plan change, or replaced before it had a picture: journalled, but no media error.
        var cut = new PlannedPlay(start, start.plusSeconds(15), id, "m-dipotong", Category.FILLER, null,
                LocalDate.now(), 0, 0, 1);
        sync.playReporter().report(new PlayOutcome(cut, start, start.plusMillis(200), false,
                Interruption.PLAN_CHANGED.text()));
        sync.playReporter().report(new PlayOutcome(cut, start, start.plusMillis(300), false,
                Interruption.REPLACED_BEFORE_SHOWN.text()));
        sync.playReporter().report(new PlayOutcome(planned, start, start.plusMillis(400), false,
                "MEDIA_CORRUPTED: cannot decode"));

        var statuses = new StatusRepository(admin.services().jdbi);
        await(() -> statuses.find(id).map(st -> "m-rusak: MEDIA_CORRUPTED: cannot decode".equals(st.mediaErrors()))
                .orElse(false), "the error in a stored heartbeat");
        // Reported once: the beats after it no longer carry it.
        await(() -> statuses.find(id).map(st -> st.mediaErrors() == null).orElse(false), "a beat without it");

        admin.services().screenWatch.check(Instant.now());
        String dashboard = TestScreens.adminClient(admin).get("/").body();
        assertThat(dashboard).contains("data-incident=\"MEDIA_ERROR\"").contains("m-rusak").doesNotContain("m-dipotong");
    }

    /**
     * Screen A's player is cut off, plays on, and meanwhile A is paired again (to a new PC), which revokes its
     * token; then this player is paired to screen B. A's plays from before the revocation still reach A,
     * under A's revoked token; a play of A's plan after the revocation cannot be attributed and stays in the
     * journal, counted in the heartbeat and shown on B's card.
     */
    @Test
    void afterPairingAgainTheEarlierScreensPlaysAreDeliveredUnderItsOldTokenAndTheRestAreHeldAndShown()
            throws Exception {
        String a = newScreen("lama");
        String b = newScreen("baru");
        pairedBefore(a);
        network = new NetworkCut(admin.port());
        BlockingQueue<PairingCode> codes = new LinkedBlockingQueue<>();
        SyncAgent sync = agent(settings(network.uri(), Duration.ofSeconds(1)));
        sync.onPairingCode(codes::add);
        sync.start();
        await(() -> sync.contentSource().manifest().isPresent() && sync.eventStreamConnected(), "online as A");
        report(sync, a, 0, 3);
        await(() -> sync.unacknowledgedPlays() == 0, "first plays uploaded");

        network.set(NetworkCut.Mode.DOWN);
        report(sync, a, 3, 4);   // played (in November) while the network was down
        TestScreens.pair(admin, a);   // A gets a new player: this one's token is revoked now
        Instant revoked = Instant.now();
        var late = new PlannedPlay(revoked.plusSeconds(1), revoked.plusSeconds(16), a, "m-lambat", Category.FILLER,
                null, LocalDate.now(), 0, 0, 1);
        await(() -> Instant.now().isAfter(late.start()), "the late play's start, after the revocation");
        sync.playReporter().report(new PlayOutcome(late, late.start(), late.end(), true, null));
        network.set(NetworkCut.Mode.UP);

        PairingCode code = codes.poll(20, TimeUnit.SECONDS);
        assertThat(code).as("pairing again after the revocation").isNotNull();
        await(() -> storedPlays(a).size() == 7, "A's plays from before the revocation delivered");
        var web = TestScreens.adminClient(admin);
        web.get("/screens/" + b);
        assertThat(web.postForm("/screens/" + b + "/pair", Map.of("code", code.code())).statusCode()).isEqualTo(302);
        await(() -> sync.contentSource().manifest().map(m -> m.screen().id().equals(b)).orElse(false), "B's plan");

        List<PlayRecord> ofA = storedPlays(a);
        assertThat(ofA).extracting(PlayRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(ChainCheck.verify(ofA, PlayRecord.GENESIS, 1).problems()).isEmpty();
        assertThat(sync.unacknowledgedPlays()).as("the late play is kept").isEqualTo(1);
        var statuses = new StatusRepository(admin.services().jdbi);
        await(() -> statuses.find(b).map(st -> Long.valueOf(1).equals(st.heldPlays())).orElse(false),
                "B's heartbeat reports the held play");
        admin.services().screenWatch.check(Instant.now());
        assertThat(web.get("/").body()).contains("data-incident=\"HELD_PLAYS\"");
        assertThat(data.resolve("retired-tokens").resolve(a)).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("retired-tokens")
                .resolve(a)))).isEqualTo("rw-------");
    }

    @Test
    void pairingWritesTheDeviceKeyOwnerOnlyAndEveryPlayReachesTheServerSignedWithIt() throws Exception {
        String id = newScreen("kunci");
        SyncAgent sync = pairedThroughTheScreenPage(id, Duration.ofSeconds(1));

        Path key = data.resolve("device-key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String publicKey = Files.readAllLines(key).get(0);
        String serverKey = admin.services().jdbi.withHandle(h -> h.createQuery(
                        "SELECT public_key FROM device_token WHERE screen_id = :s AND revoked_at IS NULL")
                .bind("s", id).mapTo(String.class).one());
        assertThat(serverKey).isEqualTo(publicKey);

        await(() -> sync.contentSource().manifest().isPresent(), "plan");
        report(sync, id, 0, 3);
        await(() -> sync.unacknowledgedPlays() == 0, "uploaded");
        var devicePublic = PlaySignatures.publicKey(publicKey).orElseThrow();
        assertThat(storedPlays(id)).hasSize(3).allMatch(r -> PlaySignatures.verify(r, devicePublic));
    }

    @Test
    void aJournalRewrittenOnDiskAfterAcknowledgementIsRefusedByTheServerAndTheAcknowledgedPlaysStay()
            throws Exception {
        String id = newScreen("tulis-ulang");
        KeyPair key = PlaySignatures.generate();
        Files.writeString(data.resolve("device-token"), TestScreens.pair(admin, id,
                PlaySignatures.encode(key.getPublic())));
        Files.setPosixFilePermissions(data.resolve("device-token"), PosixFilePermissions.fromString("rw-------"));
        new id.ihati.videotron.player.sync.pairing.DeviceTokenStore(data).saveKey(key);
        SyncAgent first = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofSeconds(1)));
        first.start();
        await(() -> first.contentSource().manifest().isPresent(), "plan");
        report(first, id, 0, 3);
        await(() -> first.unacknowledgedPlays() == 0, "uploaded");
        first.close();
        List<PlayRecord> acknowledged = storedPlays(id);

        // Someone with the player's disk (and so its key) rewrites play 2 as cut short, re-chains play 3 on
        // it, re-signs both and makes the journal forget they were acknowledged.
        Path segment;
        try (var files = Files.list(data.resolve("proof"))) {
            segment = files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        var json = Json.mapper();
        List<String> lines = Files.readAllLines(segment);
        List<String> rewritten = new java.util.ArrayList<>(List.of(lines.get(0)));
        String prev = json.readValue(lines.get(0), PlayRecord.class).hash();
        for (String line : lines.subList(1, 3)) {
            PlayRecord r = json.readValue(line, PlayRecord.class);
            PlayRecord again = PlayRecord.chained(r.playId(), r.screenId(), r.seq(), r.mediaId(), r.sourceId(),
                    r.category(), r.plannedStart(), r.plannedEnd(), r.actualStart(),
                    r.seq() == 2 ? r.actualStart().plusSeconds(3) : r.actualEnd(), r.seq() != 2,
                    r.seq() == 2 ? "dipotong" : null, prev);
            rewritten.add(json.writeValueAsString(PlaySignatures.sign(again, key.getPrivate())));
            prev = again.hash();
        }
        Files.write(segment, rewritten);
        Files.writeString(data.resolve("proof").resolve("acked.json"), "{\"upTo\":0,\"alsoAcked\":[]}");

        SyncAgent second = agent(settings(java.net.URI.create(admin.baseUrl() + "/"), Duration.ofSeconds(1)));
        second.start();
        var proof = new id.ihati.videotron.admin.player.ProofOfPlay(admin.services().jdbi, admin.services().clock);
        await(() -> proof.problems(id, 10).size() >= 2, "the server's verdict on the rewritten plays");
        assertThat(proof.problems(id, 10)).allMatch(p -> p.contains("differs from the acknowledged record; refused"));
        assertThat(storedPlays(id)).isEqualTo(acknowledged);
        assertThat(storedPlays(id).get(1).completed()).isTrue();
        // The rewritten plays stay on the player, unacknowledged (nothing is lost, nothing is overwritten).
        await(() -> second.unacknowledgedPlays() == 2, "play 1 acknowledged again, 2 and 3 kept");
    }

    private static void report(SyncAgent sync, String screenId, int from, int count) {
        for (int i = from; i < from + count; i++) {
            Instant start = Instant.parse("2026-11-25T07:00:00Z").plusSeconds(15L * i);
            var planned = new PlannedPlay(start, start.plusSeconds(15), screenId, "m-" + i, Category.FILLER, null,
                    LocalDate.of(2026, 11, 25), 0, i % 8, 1);
            sync.playReporter().report(new PlayOutcome(planned, start, start.plusSeconds(15), true, null));
        }
    }

    private static List<PlayRecord> storedPlays(String screenId) {
        return new id.ihati.videotron.admin.player.ProofOfPlay(admin.services().jdbi, admin.services().clock)
                .between(screenId, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    }
}
