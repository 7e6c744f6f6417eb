package id.ihati.videotron.player.architecture.planted.playback;

import id.ihati.videotron.player.architecture.planted.sync.Downloader;

/** Planted: playback reaching into a sync internal instead of an interface of its own. */
public final class Screen {
    public String show(Downloader downloader) {
        return downloader.fileFor("a");
    }
}
