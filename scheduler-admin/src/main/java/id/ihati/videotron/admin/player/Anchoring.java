package id.ihati.videotron.admin.player;

import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * The decisions that keep acknowledged proof of play from being rewritten, without I/O: whether a record
 * contradicts what the server already acknowledged or lacks its player's signature, and how far a screen's
 * anchored head moves over records that link to it.
 */
final class Anchoring {
    private Anchoring() {
    }

    /** The end of a screen's unbroken, acknowledged chain. */
    record Head(long seq, String hash) {
        static final Head START = new Head(0, PlayRecord.GENESIS);
    }

    /**
     * What the server holds where a new record would go.
     *
     * @param storedHashAtSeq   hash of a stored record of the screen with the same seq
     * @param anchoredHashAtSeq hash of an acknowledged head at that seq
     * @param successorPrevHash {@code prevHash} of the stored record at seq + 1
     */
    record Neighbours(Optional<String> storedHashAtSeq, Optional<String> anchoredHashAtSeq,
                      Optional<String> successorPrevHash) {
        static final Neighbours NONE = new Neighbours(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Why a record the server has not stored yet is refused, or empty when it may be stored. */
    static Optional<String> refusal(PlayRecord r, Optional<PublicKey> deviceKey, Neighbours n, Head head) {
        if (deviceKey.isPresent() && !PlaySignatures.verify(r, deviceKey.get())) {
            return Optional.of("record seq " + r.seq() + " is not signed with the key of the screen's player; refused");
        }
        if (n.storedHashAtSeq().isPresent()) {
            return Optional.of("record seq " + r.seq() + " contradicts the acknowledged record seq " + r.seq()
                    + "; refused");
        }
        if (r.seq() <= head.seq()) {
            boolean againstHead = n.anchoredHashAtSeq().map(h -> !h.equals(r.hash())).orElse(false);
            boolean againstNext = n.successorPrevHash().map(h -> !h.equals(r.hash())).orElse(false);
            if (againstHead || againstNext) {
                return Optional.of("record seq " + r.seq() + " contradicts the acknowledged head (seq " + head.seq()
                        + "); refused");
            }
        }
        return Optional.empty();
    }

    /** Why a record sent again under a play id the server already stored is refused, or empty when it is the same. */
    static Optional<String> resentRefusal(PlayRecord sent, PlayRecord stored) {
        boolean same = sent.screenId().equals(stored.screenId()) && sent.seq() == stored.seq()
                && Objects.equals(sent.hash(), stored.hash()) && sent.computeHash().equals(stored.computeHash());
        return same ? Optional.empty()
                : Optional.of("record seq " + sent.seq() + " (play " + sent.playId()
                + ") differs from the acknowledged record; refused");
    }

    /**
     * The head after {@code r}, the next stored record by seq, when it links to {@code head}; the same head when
     * it does not (a gap, a broken link, an edited record, or a second record at a seq already passed).
     */
    static Head step(Head head, PlayRecord r) {
        boolean links = r.seq() == head.seq() + 1 && r.prevHash().equals(head.hash()) && r.hashValid();
        return links ? new Head(r.seq(), r.hash()) : head;
    }
}
