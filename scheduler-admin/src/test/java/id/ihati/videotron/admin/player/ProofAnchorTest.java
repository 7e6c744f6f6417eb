package id.ihati.videotron.admin.player;

import id.ihati.videotron.admin.web.Json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.testing.BothDatabases;
import id.ihati.videotron.admin.testing.OnBothDatabases;
import id.ihati.videotron.admin.testing.TestAdmin;
import id.ihati.videotron.admin.testing.TestPlayer;
import id.ihati.videotron.admin.testing.TestScreens;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import id.ihati.videotron.playlists.schedule.Category;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proof of play that cannot be rewritten, through real HTTP on H2 and PostgreSQL: records signed with the key
 * a player made at pairing, acknowledged heads kept, and the marks a DPRD reviewer reads in the delivery report.
 */
class ProofAnchorTest {
    static final ObjectMapper JSON = Json.mapper();
    static final String DAY = "2026-11-25";
    @RegisterExtension
    static final BothDatabases servers = new BothDatabases();


    /** A chain of plays on {@link #DAY}, each signed with {@code key} (unsigned when null). */
    static List<PlayRecord> chain(String screenId, long fromSeq, int count, String prevHash, PrivateKey key) {
        List<PlayRecord> out = new ArrayList<>();
        String prev = prevHash;
        Instant t = Instant.parse(DAY + "T01:00:00Z").plusSeconds(15 * fromSeq);
        for (int i = 0; i < count; i++) {
            PlayRecord r = PlayRecord.chained(UUID.randomUUID().toString(), screenId, fromSeq + i, "m-dbd", "b-12",
                    Category.HEALTH, t, t.plusSeconds(15), t, t.plusSeconds(15), true, null, prev);
            out.add(key == null ? r : PlaySignatures.sign(r, key));
            prev = r.hash();
            t = t.plusSeconds(15);
        }
        return out;
    }

    static JsonNode upload(TestPlayer player, List<PlayRecord> records) throws Exception {
        var answer = player.postJson("/api/v1/player/plays", JSON.writeValueAsString(Map.of("records", records)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static List<String> acknowledged(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("acknowledged").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    static List<String> storedIds(TestAdmin admin, String screenId) {
        return admin.services().jdbi.withHandle(h -> h.createQuery(
                        "SELECT play_id FROM play_record WHERE screen_id = :s ORDER BY seq")
                .bind("s", screenId).mapTo(String.class).list());
    }

    record Paired(TestPlayer player, KeyPair key) {
    }

    static Paired pairedWithKey(TestAdmin admin, String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestScreens.create(admin, TestScreens.profile(id));
        KeyPair key = PlaySignatures.generate();
        String token = TestScreens.pair(admin, id, PlaySignatures.encode(key.getPublic()));
        return new Paired(new TestPlayer(admin.baseUrl(), token), key);
    }

    static String screenOf(Paired p, TestAdmin admin) {
        return admin.services().deviceTokens.screenFor(p.player().token()).orElseThrow();
    }

    /** The chain cell of the screen's row on the delivery page, as a reviewer reads it. */
    static String chainCell(TestAdmin admin, String screenId) {
        var page = admin.as(Role.REVIEWER).get("/review/delivery?from=" + DAY + "&to=" + DAY);
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body()).select("tr[data-screen=" + screenId + "] td").last().text();
    }

    @OnBothDatabases
    void recordsForgedWithoutThePlayersKeyAreRefusedAndShownWhileSignedOnesAreStored(TestAdmin admin)
            throws Exception {
        Paired paired = pairedWithKey(admin, "signed");
        String id = screenOf(paired, admin);
        var genuine = chain(id, 1, 3, PlayRecord.GENESIS, paired.key().getPrivate());
        var ok = upload(paired.player(), genuine);
        assertThat(acknowledged(ok)).containsExactlyElementsOf(genuine.stream().map(PlayRecord::playId).toList());
        assertThat(ok.get("problems")).isEmpty();

        // Someone with the device token but not the player's disk: a well-formed chain signed with another key,
        // and one with no signature at all.
        var forged = chain(id, 4, 2, genuine.get(2).hash(), PlaySignatures.generate().getPrivate());
        var answer = upload(paired.player(), forged);
        assertThat(acknowledged(answer)).isEmpty();
        assertThat(answer.get("chainIntact").asBoolean()).isFalse();
        assertThat(answer.get("problems").toString())
                .contains("record seq 4 is not signed with the key of the screen's player; refused");
        var unsigned = chain(id, 4, 1, genuine.get(2).hash(), null);
        assertThat(acknowledged(upload(paired.player(), unsigned))).isEmpty();
        assertThat(storedIds(admin, id)).containsExactlyElementsOf(genuine.stream().map(PlayRecord::playId).toList());

        // A genuine record signed, then edited (its hash recomputed): the signature no longer matches.
        PlayRecord real = chain(id, 4, 1, genuine.get(2).hash(), paired.key().getPrivate()).get(0);
        PlayRecord edited = new PlayRecord(real.playId(), id, 4, "m-iklan-lain", real.sourceId(), real.category(),
                real.plannedStart(), real.plannedEnd(), real.actualStart(), real.actualEnd(), true, null,
                real.prevHash(), null, real.signature());
        edited = edited.withHash(edited.computeHash()).withSignature(real.signature());
        assertThat(acknowledged(upload(paired.player(), List.of(edited)))).isEmpty();
        assertThat(acknowledged(upload(paired.player(), List.of(real)))).containsExactly(real.playId());

        String cell = chainCell(admin, id);
        assertThat(cell).contains("Rusak").contains("record seq 4 is not signed with the key of the screen's player");
        assertThat(cell).doesNotContain("Tanpa tanda tangan").doesNotContain("Belum berjangkar");
    }

    @OnBothDatabases
    void anAlteredRecordThatContradictsAnAcknowledgedHeadIsRefusedAndShown(TestAdmin admin) throws Exception {
        Paired paired = pairedWithKey(admin, "anchor");
        String id = screenOf(paired, admin);
        PrivateKey key = paired.key().getPrivate();
        var records = chain(id, 1, 5, PlayRecord.GENESIS, key);
        assertThat(acknowledged(upload(paired.player(), records))).hasSize(5);

        // The journal rewritten with the player's own key after acknowledgement: play 3 shortened, 4 and 5
        // re-chained on it. The same play ids with other content are refused...
        PlayRecord three = records.get(2);
        PlayRecord shortened = PlayRecord.chained(three.playId(), id, 3, three.mediaId(), three.sourceId(),
                three.category(), three.plannedStart(), three.plannedEnd(), three.actualStart(),
                three.actualStart().plusSeconds(2), false, null, three.prevHash());
        List<PlayRecord> rewritten = new ArrayList<>(List.of(PlaySignatures.sign(shortened, key)));
        String prev = shortened.hash();
        for (PlayRecord r : records.subList(3, 5)) {
            PlayRecord again = PlayRecord.chained(r.playId(), id, r.seq(), r.mediaId(), r.sourceId(), r.category(),
                    r.plannedStart(), r.plannedEnd(), r.actualStart(), r.actualEnd(), r.completed(), r.error(), prev);
            rewritten.add(PlaySignatures.sign(again, key));
            prev = again.hash();
        }
        var answer = upload(paired.player(), rewritten);
        assertThat(acknowledged(answer)).isEmpty();
        assertThat(answer.get("problems").toString())
                .contains("record seq 3 (play " + three.playId() + ") differs from the acknowledged record; refused");

        // ...and so is the same rewrite under new play ids.
        var underNewIds = chain(id, 3, 3, records.get(1).hash(), key);
        var second = upload(paired.player(), underNewIds);
        assertThat(acknowledged(second)).isEmpty();
        assertThat(second.get("problems").toString())
                .contains("record seq 3 contradicts the acknowledged record seq 3; refused");

        // Sending the refused record again records the problem once, and nothing acknowledged changed.
        upload(paired.player(), rewritten);
        assertThat(new ProofOfPlay(admin.services().jdbi, admin.services().clock).problems(id, 50)).hasSize(6);
        assertThat(storedIds(admin, id)).containsExactlyElementsOf(records.stream().map(PlayRecord::playId).toList());
        PlayRecord storedThree = new ProofOfPlay(admin.services().jdbi, admin.services().clock)
                .between(id, Instant.parse(DAY + "T00:00:00Z"), Instant.parse(DAY + "T23:59:59Z")).get(2);
        assertThat(storedThree.completed()).isTrue();
        assertThat(storedThree.hash()).isEqualTo(three.hash());
        assertThat(PlaySignatures.verify(storedThree, paired.key().getPublic())).isTrue();

        // The genuine chain goes on after the last acknowledged head.
        assertThat(acknowledged(upload(paired.player(), chain(id, 6, 2, records.get(4).hash(), key)))).hasSize(2);
        assertThat(chainCell(admin, id)).contains("Rusak")
                .contains("record seq 3 (play " + three.playId() + ") differs from the acknowledged record")
                .doesNotContain("Belum berjangkar");
    }

    @OnBothDatabases
    void theReportMarksRecordsAfterTheLastAcknowledgedHeadAndUnsignedRecordsAsAReviewerReadsThem(TestAdmin admin)
            throws Exception {
        // A player paired before device keys existed: accepted unsigned, and said so.
        String id = "lama-" + UUID.randomUUID().toString().substring(0, 8);
        TestPlayer legacy = TestScreens.player(admin, TestScreens.profile(id));
        var records = chain(id, 1, 7, PlayRecord.GENESIS, null);
        assertThat(acknowledged(upload(legacy, records.subList(0, 3)))).hasSize(3);
        // Plays 4 and 5 are late: 6 and 7 are stored behind the gap, acknowledged but not anchored.
        var behindGap = upload(legacy, records.subList(5, 7));
        assertThat(acknowledged(behindGap)).hasSize(2);
        assertThat(behindGap.get("problems").toString()).contains("gap: expected seq 4, found 6");

        String cell = chainCell(admin, id);
        assertThat(cell).contains("Belum berjangkar: 2 catatan setelah kepala rantai terakhir yang diakui server (seq 3)");
        assertThat(cell).contains("Tanpa tanda tangan: 5 catatan (pemutar dipasangkan tanpa kunci perangkat)");
        var en = Jsoup.parse(admin.as(Role.REVIEWER).get("/review/delivery?lang=en&from=" + DAY + "&to=" + DAY)
                .body()).select("tr[data-screen=" + id + "] td").last().text();
        assertThat(en).contains("Unanchored: 2 records after the last head the server acknowledged (seq 3)")
                .contains("Unsigned: 5 records (player paired without a device key)");
        var csv = admin.as(Role.REVIEWER).get("/review/delivery.csv?from=" + DAY + "&to=" + DAY).body();
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith("Rantai utuh,Catatan belum berjangkar,Catatan tanpa tanda tangan");
        assertThat(csv.lines().filter(l -> l.contains(id))).isNotEmpty().allMatch(l -> l.endsWith(",false,2,5"));

        // The late plays arrive: the head moves over them and over the two stored behind the gap.
        assertThat(acknowledged(upload(legacy, records.subList(3, 5)))).hasSize(2);
        assertThat(chainCell(admin, id)).doesNotContain("Belum berjangkar")
                .contains("Tanpa tanda tangan: 7 catatan");
        Long head = admin.services().jdbi.withHandle(h -> h.createQuery(
                "SELECT MAX(seq) FROM play_anchor WHERE screen_id = :s").bind("s", id).mapTo(Long.class).one());
        assertThat(head).isEqualTo(7);
    }

    @OnBothDatabases
    void aRevokedTokenStillDeliversItsSignedPlaysButNotForgedOnes(TestAdmin admin) throws Exception {
        Paired old = pairedWithKey(admin, "ganti");
        String id = screenOf(old, admin);
        var before = chain(id, 1, 3, PlayRecord.GENESIS, old.key().getPrivate());
        // The screen gets a new player with its own key: the old token is revoked, its key stays with it.
        TestScreens.pair(admin, id, PlaySignatures.encode(PlaySignatures.generate().getPublic()));
        var forged = chain(id, 1, 3, PlayRecord.GENESIS, PlaySignatures.generate().getPrivate());
        assertThat(acknowledged(upload(old.player(), forged))).isEmpty();
        assertThat(acknowledged(upload(old.player(), before)))
                .containsExactlyElementsOf(before.stream().map(PlayRecord::playId).toList());
    }

    @OnBothDatabases
    void aPairingRequestWithSomethingElseThanAnEd25519KeyIsRefusedOnItsField(TestAdmin admin) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin.baseUrl() + "/api/v1/pairing"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"publicKey\":\"bukan-kunci\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"publicKey\"").contains("Ed25519");
    }
}
