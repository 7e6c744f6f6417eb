package id.ihati.videotron.player.net;

import java.io.IOException;

/** The server answered with an error status; {@code body} is its error document, for the log. */
public class ServerException extends IOException {
    private final int status;

    public ServerException(String what, int status, String body) {
        super(what + " answered " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** True for 401: the device token is missing, unknown or revoked, and the player must pair again. */
    public boolean unauthorized() {
        return status == 401;
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
