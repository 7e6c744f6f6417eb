package id.ihati.videotron.playlists.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class PlaySignaturesTest {
    static final KeyPair DEVICE = PlaySignatures.generate();

    static PlayRecord first() {
        return ChainCheckTest.chain(1).get(0);
    }

    @Test
    void aRecordSignedWithTheDeviceKeyVerifiesAndKeepsItsHash() {
        PlayRecord signed = PlaySignatures.sign(first(), DEVICE.getPrivate());
        assertThat(signed.hash()).isEqualTo(first().hash());
        assertThat(PlaySignatures.verify(signed, DEVICE.getPublic())).isTrue();
    }

    @Test
    void anotherKeyAnEditAndNoSignatureDoNotVerify() {
        PlayRecord signed = PlaySignatures.sign(first(), DEVICE.getPrivate());
        assertThat(PlaySignatures.verify(signed, PlaySignatures.generate().getPublic())).isFalse();
        PlayRecord edited = new PlayRecord(signed.playId(), signed.screenId(), signed.seq(), "m-lain",
                signed.sourceId(), signed.category(), signed.plannedStart(), signed.plannedEnd(), signed.actualStart(),
                signed.actualEnd(), signed.completed(), signed.error(), signed.prevHash(), null, null);
        assertThat(PlaySignatures.verify(edited.withHash(edited.computeHash()).withSignature(signed.signature()),
                DEVICE.getPublic())).isFalse();
        assertThat(PlaySignatures.verify(first(), DEVICE.getPublic())).isFalse();
        assertThat(PlaySignatures.verify(first().withSignature("not base64!"), DEVICE.getPublic())).isFalse();
    }

    @Test
    void keysTravelAsBase64AndAnythingElseIsNoKey() {
        String pub = PlaySignatures.encode(DEVICE.getPublic());
        PlayRecord signed = PlaySignatures.sign(first(), PlaySignatures.privateKey(
                PlaySignatures.encode(DEVICE.getPrivate())).orElseThrow());
        assertThat(PlaySignatures.verify(signed, PlaySignatures.publicKey(pub).orElseThrow())).isTrue();
        assertThat(PlaySignatures.publicKey("bukan-kunci")).isEmpty();
        assertThat(PlaySignatures.publicKey(null)).isEmpty();
        assertThat(PlaySignatures.publicKey("MCowBQYDK2VwAyEA")).isEmpty();
    }

    @Test
    void anUnsignedRecordIsWrittenWithoutASignatureFieldAndASignedOneReadsBack() throws Exception {
        var json = new ObjectMapper().registerModule(new JavaTimeModule());
        assertThat(json.writeValueAsString(first())).doesNotContain("signature");
        PlayRecord signed = PlaySignatures.sign(first(), DEVICE.getPrivate());
        PlayRecord back = json.readValue(json.writeValueAsString(signed), PlayRecord.class);
        assertThat(back).isEqualTo(signed);
        assertThat(PlaySignatures.verify(back, DEVICE.getPublic())).isTrue();
    }
}
