package id.ihati.videotron.player.proof;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.proof.ChainCheck;
import id.ihati.videotron.playlists.proof.PlayRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any sequence of plays, acknowledgements (of any subset), restarts and torn writes: the journal hands out
 * exactly the confirmed, unacknowledged records in order, and all confirmed records form one intact chain.
 */
class PlayJournalPropertiesTest {

    enum Op { PLAY, ACK_SOME, RESTART, TORN_WRITE_AND_RESTART }

    @Provide
    Arbitrary<List<Op>> operations() {
        return Arbitraries.of(Op.class).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 25)
    void confirmedPlaysAreNeverLostNorHandedOutAgainOnceAcknowledged(@ForAll("operations") List<Op> ops,
                                                                     @ForAll("seeds") long seed) throws IOException {
        Path dir = Files.createTempDirectory("journal-prop");
        var random = new java.util.Random(seed);
        var ids = new AtomicInteger();
        List<PlayRecord> confirmed = new ArrayList<>();
        List<PlayRecord> unacked = new ArrayList<>();
        PlayJournal journal = PlayJournal.open(dir, 3, () -> "p" + ids.incrementAndGet());
        try {
            for (Op op : ops) {
                switch (op) {
                    case PLAY -> {
                        PlayRecord r = journal.append(Plays.outcome("s-1", confirmed.size()));
                        confirmed.add(r);
                        unacked.add(r);
                    }
                    case ACK_SOME -> {
                        List<String> acked = new ArrayList<>();
                        unacked.removeIf(r -> {
                            boolean ack = random.nextBoolean();
                            if (ack) {
                                acked.add(r.playId());
                            }
                            return ack;
                        });
                        journal.acknowledge(acked);
                    }
                    case RESTART -> {
                        journal.close();
                        journal = PlayJournal.open(dir, 3, () -> "p" + ids.incrementAndGet());
                    }
                    case TORN_WRITE_AND_RESTART -> {
                        journal.close();
                        Path newest = newestSegment(dir);
                        if (newest != null) {
                            Files.write(newest, "{\"playId\":\"torn\",\"seq\":".getBytes(StandardCharsets.UTF_8),
                                    StandardOpenOption.APPEND);
                        }
                        journal = PlayJournal.open(dir, 3, () -> "p" + ids.incrementAndGet());
                    }
                }
                assertThat(journal.pending(1000)).extracting(PlayJournal.Pending::record).isEqualTo(unacked);
            }
            assertThat(ChainCheck.verify(confirmed, PlayRecord.GENESIS, 1).problems()).isEmpty();
        } finally {
            journal.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    private static Path newestSegment(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).max(Comparator.naturalOrder())
                    .orElse(null);
        }
    }
}
