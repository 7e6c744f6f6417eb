package id.ihati.videotron.playlists.proof;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.playlists.schedule.Category;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    static List<PlayRecord> chain(int n) {
        List<PlayRecord> out = new ArrayList<>();
        String prev = PlayRecord.GENESIS;
        Instant t = Instant.parse("2026-11-25T01:00:00Z");
        for (int i = 1; i <= n; i++) {
            var r = PlayRecord.chained("p" + i, "s1", i, "m1", "b1", Category.HEALTH, t, t.plusSeconds(15), t,
                    t.plusSeconds(15), true, null, prev);
            out.add(r);
            prev = r.hash();
            t = t.plusSeconds(15);
        }
        return out;
    }

    @Test
    void anUntouchedChainVerifies() {
        assertThat(ChainCheck.verify(chain(5), PlayRecord.GENESIS, 1).intact()).isTrue();
    }

    @Test
    void aMissingRecordIsReportedAsAGap() {
        var records = new ArrayList<>(chain(5));
        records.remove(2);
        var check = ChainCheck.verify(records, PlayRecord.GENESIS, 1);
        assertThat(check.intact()).isFalse();
        assertThat(check.problems()).anyMatch(p -> p.startsWith("gap: expected seq 3"));
    }

    @Test
    void anEditedRecordIsReportedAsAltered() {
        var records = new ArrayList<>(chain(3));
        var r = records.get(1);
        records.set(1, new PlayRecord(r.playId(), r.screenId(), r.seq(), "other-media", r.sourceId(), r.category(),
                r.plannedStart(), r.plannedEnd(), r.actualStart(), r.actualEnd(), r.completed(), r.error(),
                r.prevHash(), r.hash(), null));
        assertThat(ChainCheck.verify(records, PlayRecord.GENESIS, 1).problems())
                .containsExactly("record seq 2 was altered (hash mismatch)");
    }
}
