package id.ihati.videotron.player.architecture.planted.sync;

import id.ihati.videotron.player.architecture.planted.proof.Journal;

/** Planted: sync uses proof's journal, and proof (below) uses sync back — a package cycle. */
public final class Downloader {
    public String fileFor(String id) {
        return id + new Journal().size();
    }
}
