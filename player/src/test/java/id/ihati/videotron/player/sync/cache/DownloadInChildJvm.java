package id.ihati.videotron.player.sync.cache;

import id.ihati.videotron.playlists.schedule.FileRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Run in a separate JVM by {@link MediaCacheTest}, which kills it in the middle of the download:
 * {@code DownloadInChildJvm <cacheDir> <serverBase> <sha256> <size>}.
 */
public final class DownloadInChildJvm {
    public static void main(String[] args) throws Exception {
        var cache = new MediaCache(Path.of(args[0]), Long.MAX_VALUE, Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(), Duration.ofSeconds(30));
        var file = new FileRef(args[2], Long.parseLong(args[3]));
        cache.download(file, FileServer.source(HttpClient.newHttpClient(), URI.create(args[1])));
        System.out.println("downloaded");
        System.exit(0);
    }
}
