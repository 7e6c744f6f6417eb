package id.ihati.videotron.player.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long {@link PlayJournal#report} takes (one forced append), and how fast a week offline is read back
 * for upload. Run with {@code bin/bench-journal}; figures go into docs/player-sync.md.
 */
public final class JournalBench {
    public static void main(String[] args) throws Exception {
        int plays = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("journal-bench");
        try (PlayJournal journal = PlayJournal.open(dir)) {
            long[] nanos = new long[plays];
            for (int i = 0; i < plays; i++) {
                long t = System.nanoTime();
                journal.report(Plays.outcome("s-bench", i));
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("report(): %d plays, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", plays,
                    nanos[plays / 2] / 1e6, nanos[plays * 99 / 100] / 1e6, nanos[plays - 1] / 1e6);
            long t = System.nanoTime();
            int batches = 0;
            while (true) {
                var batch = journal.pending(500);
                if (batch.isEmpty()) {
                    break;
                }
                journal.acknowledge(batch.stream().map(p -> p.record().playId()).toList());
                batches++;
            }
            System.out.printf("read and acknowledge all in %d batches of 500: %.0f ms%n", batches,
                    (System.nanoTime() - t) / 1e6);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
