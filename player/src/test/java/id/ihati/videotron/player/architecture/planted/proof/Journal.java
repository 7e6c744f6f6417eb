package id.ihati.videotron.player.architecture.planted.proof;

import id.ihati.videotron.player.architecture.planted.sync.Downloader;

/** Planted: proof borrowing a piece of sync, which closes the cycle sync → proof → sync. */
public final class Journal {
    public int size() {
        return 0;
    }

    public String upload(Downloader viaSync) {
        return viaSync.fileFor("journal");
    }
}
