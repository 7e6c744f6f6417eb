package id.ihati.videotron.player.sync.cache;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** Where the cache fetches a file from: the server's media endpoint, asked for the bytes from {@code offset} on. */
@FunctionalInterface
public interface MediaSource {

    /**
     * Opens the file with this SHA-256 from byte {@code offset} (a {@code Range} request when it is above
     * zero). The answer is 200 (whole file), 206 (the range) or an error status.
     */
    HttpResponse<InputStream> open(String sha256, long offset) throws IOException, InterruptedException;
}
