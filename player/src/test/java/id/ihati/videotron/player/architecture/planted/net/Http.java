package id.ihati.videotron.player.architecture.planted.net;

import id.ihati.videotron.player.architecture.planted.proof.Journal;

/** Planted: a shared piece that depends on a feature, so it can no longer be shared without a cycle. */
public final class Http {
    public int pending(Journal journal) {
        return journal.size();
    }
}
