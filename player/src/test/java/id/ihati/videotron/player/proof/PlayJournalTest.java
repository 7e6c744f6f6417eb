package id.ihati.videotron.player.proof;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.net.Json;
import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlayJournalTest {
    @TempDir
    Path dir;

    private final AtomicInteger ids = new AtomicInteger();
    private final Supplier<String> playIds = () -> "play-" + ids.incrementAndGet();

    private PlayJournal open(int segmentRecords) {
        return PlayJournal.open(dir, segmentRecords, playIds);
    }

    private static List<PlayRecord> records(List<PlayJournal.Pending> pending) {
        return pending.stream().map(PlayJournal.Pending::record).toList();
    }

    private static List<PlayRecord> report(PlayJournal journal, int from, int count) {
        List<PlayRecord> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(journal.append(Plays.outcome("s-1", i)));
        }
        return out;
    }

    @Test
    void playTimesAreJournalledInMillisecondsSoARecordReadBackFromADatabaseStillVerifies() {
        var journal = open(PlayJournal.DEFAULT_SEGMENT_RECORDS);
        java.time.Instant t = Plays.DAY.plusNanos(123_456_789);   // nanoseconds, as the system clock gives
        var planned = new id.ihati.videotron.playlists.timeline.PlannedPlay(t, t.plusSeconds(10), "s-1", "m-1",
                id.ihati.videotron.playlists.schedule.Category.FILLER, null, java.time.LocalDate.of(2026, 11, 25),
                0, 0, 1);
        PlayRecord r = journal.append(new PlayOutcome(planned, t.plusNanos(1_001), t.plusSeconds(10), true, null));

        assertThat(List.of(r.plannedStart(), r.plannedEnd(), r.actualStart(), r.actualEnd()))
                .allMatch(i -> i.getNano() % 1_000_000 == 0);
        // What PostgreSQL or H2 give back (microseconds) is what was hashed.
        var micros = java.time.temporal.ChronoUnit.MICROS;
        var readBack = new PlayRecord(r.playId(), r.screenId(), r.seq(), r.mediaId(), r.sourceId(), r.category(),
                r.plannedStart().truncatedTo(micros), r.plannedEnd().truncatedTo(micros),
                r.actualStart().truncatedTo(micros), r.actualEnd().truncatedTo(micros), r.completed(), r.error(),
                r.prevHash(), r.hash(), r.signature());
        assertThat(ChainCheck.verify(List.of(readBack), PlayRecord.GENESIS, 1).problems()).isEmpty();
        journal.close();
    }

    @Test
    void withADeviceKeyEveryRecordIsSignedOnDiskAndStillChained() {
        var key = PlaySignatures.generate();
        try (PlayJournal journal = PlayJournal.open(dir, 100, playIds, r -> PlaySignatures.sign(r, key.getPrivate()))) {
            report(journal, 0, 3);
        }
        try (PlayJournal reopened = open(100)) {
            List<PlayRecord> onDisk = records(reopened.pending(10));
            assertThat(onDisk).hasSize(3).allMatch(r -> PlaySignatures.verify(r, key.getPublic()));
            assertThat(ChainCheck.verify(onDisk, PlayRecord.GENESIS, 1).problems()).isEmpty();
        }
    }

    @Test
    void recordsAreChainedFromGenesisAndOnDiskWhenReportReturns() throws IOException {
        try (PlayJournal journal = open(100)) {
            report(journal, 0, 3);
            // Read by a second, independent opener: what report() confirmed is on disk.
            try (PlayJournal other = open(100)) {
                List<PlayRecord> onDisk = records(other.pending(10));
                assertThat(onDisk).extracting(PlayRecord::seq).containsExactly(1L, 2L, 3L);
                assertThat(onDisk.get(0).prevHash()).isEqualTo(PlayRecord.GENESIS);
                assertThat(ChainCheck.verify(onDisk, PlayRecord.GENESIS, 1).intact()).isTrue();
                assertThat(onDisk.get(2).mediaId()).isEqualTo("m-2");
            }
        }
    }

    @Test
    void chainContinuesAcrossRestarts() {
        List<PlayRecord> all = new ArrayList<>();
        try (PlayJournal journal = open(100)) {
            all.addAll(report(journal, 0, 3));
        }
        try (PlayJournal journal = open(100)) {
            all.addAll(report(journal, 3, 2));
            assertThat(records(journal.pending(100))).isEqualTo(all);
        }
        assertThat(all).extracting(PlayRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(ChainCheck.verify(all, PlayRecord.GENESIS, 1).problems()).isEmpty();
    }

    @ParameterizedTest(name = "torn tail: {0}")
    @ValueSource(strings = {"half-json", "zeros", "no-newline-complete"})
    void tornLastLineAfterPowerLossIsCutOffWithoutLosingEarlierRecordsOrBreakingTheChain(String kind)
            throws IOException {
        List<PlayRecord> confirmed;
        try (PlayJournal journal = open(100)) {
            confirmed = new ArrayList<>(report(journal, 0, 4));
        }
        Path segment = onlySegment();
        byte[] tail = switch (kind) {
            case "half-json" -> "{\"playId\":\"play-99\",\"screenId\":\"s-1\",\"se".getBytes(StandardCharsets.UTF_8);
            case "zeros" -> new byte[512];
            default -> lastLineWithoutNewline(segment);
        };
        Files.write(segment, tail, StandardOpenOption.APPEND);

        try (PlayJournal journal = open(100)) {
            assertThat(records(journal.pending(100))).isEqualTo(confirmed);
            confirmed.addAll(report(journal, 4, 2));
            List<PlayRecord> all = records(journal.pending(100));
            assertThat(all).isEqualTo(confirmed);
            assertThat(ChainCheck.verify(all, PlayRecord.GENESIS, 1).problems()).isEmpty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".torn"));
        }
    }

    /** A valid next record without its newline: a write that stopped one byte short, so report() never returned. */
    private static byte[] lastLineWithoutNewline(Path segment) throws IOException {
        List<String> lines = Files.readAllLines(segment);
        PlayRecord last = Json.mapper().readValue(lines.get(lines.size() - 1), PlayRecord.class);
        PlayRecord next = PlayRecord.chained("play-torn", "s-1", last.seq() + 1, "m-x", null, last.category(),
                null, null, last.actualEnd(), last.actualEnd().plusSeconds(10), true, null, last.hash());
        return Json.mapper().writeValueAsBytes(next);
    }

    @Test
    void segmentsRotateAndAreReadBackInOrder() throws IOException {
        List<PlayRecord> written;
        try (PlayJournal journal = open(3)) {
            written = report(journal, 0, 10);
        }
        assertThat(segments()).hasSize(4);
        try (PlayJournal journal = open(3)) {
            assertThat(records(journal.pending(100))).isEqualTo(written);
            assertThat(records(journal.pending(4))).isEqualTo(written.subList(0, 4));
        }
    }

    @Test
    void acknowledgedRecordsAreDeletedAndStayAcknowledgedAfterRestart() throws IOException {
        List<PlayRecord> written;
        try (PlayJournal journal = open(3)) {
            written = report(journal, 0, 10);
            journal.acknowledge(written.subList(0, 7).stream().map(PlayRecord::playId).toList());
            assertThat(records(journal.pending(100))).isEqualTo(written.subList(7, 10));
        }
        // Segments [0-2] and [3-5] were wholly acknowledged: gone. [6-8] still holds unacknowledged plays.
        assertThat(segments()).extracting(p -> p.getFileName().toString())
                .containsExactly("segment-00000000000000000006.jsonl", "segment-00000000000000000009.jsonl");
        try (PlayJournal journal = open(3)) {
            assertThat(records(journal.pending(100))).isEqualTo(written.subList(7, 10));
            assertThat(journal.pendingCount()).isEqualTo(3);
        }
    }

    @Test
    void acknowledgementsOutOfOrderAreKeptAndNotSentAgain() {
        List<PlayRecord> written;
        try (PlayJournal journal = open(100)) {
            written = report(journal, 0, 5);
            journal.acknowledge(List.of(written.get(1).playId(), written.get(3).playId()));
            assertThat(records(journal.pending(100))).containsExactly(written.get(0), written.get(2), written.get(4));
        }
        try (PlayJournal journal = open(100)) {
            assertThat(records(journal.pending(100))).containsExactly(written.get(0), written.get(2), written.get(4));
            journal.acknowledge(List.of(written.get(0).playId(), written.get(2).playId()));
            assertThat(records(journal.pending(100))).containsExactly(written.get(4));
        }
    }

    @Test
    void chainGoesOnAfterEveryRecordWasAcknowledgedAndDeleted() throws IOException {
        List<PlayRecord> all = new ArrayList<>();
        try (PlayJournal journal = open(2)) {
            all.addAll(report(journal, 0, 5));
            journal.acknowledge(all.stream().map(PlayRecord::playId).toList());
            all.addAll(report(journal, 5, 3));
            journal.acknowledge(all.stream().map(PlayRecord::playId).toList());
            assertThat(journal.pending(100)).isEmpty();
        }
        // Only the newest segment is left; the chain's head of deleted records lives in heads.json.
        assertThat(segments()).hasSize(1);
        try (PlayJournal journal = open(2)) {
            PlayRecord next = journal.append(Plays.outcome("s-1", 8));
            assertThat(next.seq()).isEqualTo(9);
            assertThat(next.prevHash()).isEqualTo(all.get(7).hash());
        }
    }

    @Test
    void eachScreenHasItsOwnChain() {
        try (PlayJournal journal = open(100)) {
            journal.append(Plays.outcome("s-1", 0));
            PlayRecord other = journal.append(Plays.outcome("s-2", 1));
            PlayRecord second = journal.append(Plays.outcome("s-1", 2));
            assertThat(other.seq()).isEqualTo(1);
            assertThat(other.prevHash()).isEqualTo(PlayRecord.GENESIS);
            assertThat(second.seq()).isEqualTo(2);
        }
    }

    @Test
    void aLongErrorIsShortenedBeforeItIsHashedSoTheServerNeverRefusesTheRecord() {
        try (PlayJournal journal = open(100)) {
            var o = Plays.outcome("s-1", 0);
            var failed = new PlayOutcome(o.planned(), o.actualStart(), o.actualEnd(), false, "x".repeat(5000));
            PlayRecord r = journal.append(failed);
            assertThat(r.error()).hasSize(PlayJournal.MAX_ERROR);
            assertThat(r.hashValid()).isTrue();
        }
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }
}
