package id.ihati.videotron.playlists.proof;

import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a screen's proof-of-play chain.
 *
 * @param intact   true when every record's hash is valid and each links to the one before
 * @param problems what is wrong, one line each: a gap in {@code seq}, a broken link, an edited record
 */
public record ChainCheck(boolean intact, List<String> problems) {

    public ChainCheck {
        problems = List.copyOf(problems);
    }

    /**
     * Checks records sorted by {@code seq}. {@code expectedPrevHash} and {@code expectedSeq} are what the
     * first record must link to (the last verified record's hash and seq + 1, or {@link PlayRecord#GENESIS}
     * and 1 for a screen's first batch).
     */
    public static ChainCheck verify(List<PlayRecord> records, String expectedPrevHash, long expectedSeq) {
        List<String> problems = new ArrayList<>();
        String prev = expectedPrevHash;
        long seq = expectedSeq;
        for (PlayRecord r : records) {
            if (r.seq() != seq) {
                problems.add("gap: expected seq " + seq + ", found " + r.seq());
            }
            if (!r.prevHash().equals(prev)) {
                problems.add("broken link at seq " + r.seq());
            }
            if (!r.hashValid()) {
                problems.add("record seq " + r.seq() + " was altered (hash mismatch)");
            }
            prev = r.hash();
            seq = r.seq() + 1;
        }
        return new ChainCheck(problems.isEmpty(), problems);
    }
}
