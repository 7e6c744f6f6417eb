package id.ihati.videotron.player.sync.cache;

import java.io.IOException;

/** A downloaded file's content did not have the SHA-256 it was asked for; the bytes were deleted. */
public class HashMismatchException extends IOException {
    public HashMismatchException(String expected, String actual) {
        super("downloaded file has SHA-256 " + actual + ", expected " + expected + "; deleted it");
    }
}
