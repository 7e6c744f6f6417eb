package id.ihati.videotron.admin.media;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a stored file with single-range support. Javalin's {@code writeSeekableStream} answers a range
 * request for audio or video with at most 128 KB regardless of the range asked for, which would make a player
 * resuming a download loop; players and browsers get exactly the bytes they ask for here. What a header asks
 * is read by {@link RangeRequest}.
 */
final class FileResponse {
    private FileResponse() {
    }

    static void write(Context ctx, Path file, String contentType, String etag) throws IOException {
        long size = Files.size(file);
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        String inm = ctx.header("If-None-Match");
        if (inm != null && inm.contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        // An If-Range for another version means the whole file (RFC 9110 §13.1.5).
        String ifRange = ctx.header("If-Range");
        RangeRequest asked = ifRange != null && !ifRange.equals(etag) ? new RangeRequest.Whole()
                : RangeRequest.of(ctx.header("Range"), size);
        if (asked instanceof RangeRequest.Unsatisfiable) {
            ctx.status(416).header("Content-Range", "bytes */" + size);
            return;
        }
        if (!(asked instanceof RangeRequest.Part part)) {
            ctx.header("Content-Length", Long.toString(size));
            ctx.result(Files.newInputStream(file));
            return;
        }
        long start = part.first();
        long end = part.last();
        long length = part.length();
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(start);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        ctx.status(206);
        ctx.header("Content-Range", "bytes " + start + "-" + end + "/" + size);
        ctx.header("Content-Length", Long.toString(length));
        ctx.result(new Limited(in, length));
    }

    /** Reads at most {@code left} bytes of the underlying stream. */
    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
