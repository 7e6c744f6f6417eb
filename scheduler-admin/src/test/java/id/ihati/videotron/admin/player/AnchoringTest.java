package id.ihati.videotron.admin.player;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.proof.PlaySignatures;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure decisions behind anchored, signed proof of play. */
class AnchoringTest {
    static final KeyPair KEY = PlaySignatures.generate();
    static final List<PlayRecord> CHAIN = ProofAnchorTest.chain("s1", 1, 5, PlayRecord.GENESIS, KEY.getPrivate());

    @Test
    void theHeadMovesOnlyOverRecordsThatLinkToIt() {
        Anchoring.Head head = Anchoring.Head.START;
        for (PlayRecord r : CHAIN.subList(0, 3)) {
            head = Anchoring.step(head, r);
        }
        assertThat(head).isEqualTo(new Anchoring.Head(3, CHAIN.get(2).hash()));
        assertThat(Anchoring.step(head, CHAIN.get(4))).as("a gap").isEqualTo(head);
        PlayRecord other = ProofAnchorTest.chain("s1", 4, 1, CHAIN.get(1).hash(), null).get(0);
        assertThat(Anchoring.step(head, other)).as("a broken link").isEqualTo(head);
    }

    @Test
    void aDeviceWithAKeyNeedsItsSignatureAndOneWithoutAcceptsUnsigned() {
        PlayRecord unsigned = CHAIN.get(0).withSignature(null);
        assertThat(Anchoring.refusal(CHAIN.get(0), Optional.of(KEY.getPublic()), Anchoring.Neighbours.NONE,
                Anchoring.Head.START)).isEmpty();
        assertThat(Anchoring.refusal(unsigned, Optional.of(KEY.getPublic()), Anchoring.Neighbours.NONE,
                Anchoring.Head.START)).hasValueSatisfying(p -> assertThat(p).contains("not signed"));
        assertThat(Anchoring.refusal(unsigned, Optional.empty(), Anchoring.Neighbours.NONE, Anchoring.Head.START))
                .isEmpty();
    }

    @Test
    void aNewRecordThatContradictsWhatWasAcknowledgedIsRefused() {
        var head = new Anchoring.Head(5, CHAIN.get(4).hash());
        PlayRecord rewritten = ProofAnchorTest.chain("s1", 3, 1, CHAIN.get(1).hash(), null).get(0);
        var taken = new Anchoring.Neighbours(Optional.of(CHAIN.get(2).hash()), Optional.empty(), Optional.empty());
        assertThat(Anchoring.refusal(rewritten, Optional.empty(), taken, head)).isPresent();
        var gapBelowHead = new Anchoring.Neighbours(Optional.empty(), Optional.empty(),
                Optional.of(CHAIN.get(3).prevHash()));
        assertThat(Anchoring.refusal(rewritten, Optional.empty(), gapBelowHead, head)).isPresent();
        assertThat(Anchoring.refusal(CHAIN.get(2), Optional.empty(), gapBelowHead, head)).as("the missing one")
                .isEmpty();
        assertThat(Anchoring.resentRefusal(CHAIN.get(2), CHAIN.get(2).withSignature(null))).isEmpty();
        assertThat(Anchoring.resentRefusal(rewritten, CHAIN.get(2))).isPresent();
    }
}
