package id.ihati.videotron.admin.media;

import io.javalin.http.Context;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a stored file with single-range support. Javalin's {@code writeSeekableStream} answers a range
 * request for audio or video with at most 128 KB regardless of the range asked for, which would make a player
 * resuming a download loop; players and browsers get exactly the bytes they ask for here.
 */
final class FileResponse {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

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
        String range = ctx.header("Range");
        String ifRange = ctx.header("If-Range");
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        // Several ranges, a malformed one, or an If-Range for another version: the whole file, as RFC 9110 allows.
        if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())
                || (ifRange != null && !ifRange.equals(etag))) {
            ctx.header("Content-Length", Long.toString(size));
            ctx.result(Files.newInputStream(file));
            return;
        }
        long start;
        long end;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            start = Math.max(0, size - suffix);
            end = size - 1;
        } else {
            start = Long.parseLong(m.group(1));
            end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        }
        if (start >= size || end < start) {
            ctx.status(416).header("Content-Range", "bytes */" + size);
            return;
        }
        long length = end - start + 1;
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
