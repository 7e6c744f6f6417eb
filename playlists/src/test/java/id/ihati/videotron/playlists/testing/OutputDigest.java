package id.ihati.videotron.playlists.testing;

import id.ihati.videotron.playlists.timeline.PlannedPlay;
import id.ihati.videotron.playlists.timeline.Shortfall;
import id.ihati.videotron.playlists.timeline.Timeline;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 over every field of a series of timelines, fed in order: every play, every shortfall and the next
 * change. Speeding up the resolver must not change what it plans: equal digests of the same inputs before
 * and after show it did not. Each value is written with its length or a null marker, so that no two different
 * outputs feed the same bytes.
 */
public final class OutputDigest {
    private final MessageDigest sha;
    /** Values are collected here and handed to the digest in blocks: per-byte updates would be slow. */
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    public OutputDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public void add(Timeline t) {
        number(t.plays().size());
        for (PlannedPlay p : t.plays()) {
            instant(p.start());
            instant(p.end());
            text(p.screenId());
            text(p.mediaId());
            text(p.category().name());
            text(p.sourceId());
            text(p.day().toString());
            number(p.loop());
            number(p.slot());
            number(p.slots());
        }
        number(t.shortfalls().size());
        for (Shortfall s : t.shortfalls()) {
            text(s.bookingId());
            text(s.screenId());
            text(s.day().toString());
            number(s.requested());
            number(s.planned());
            text(s.reason().name());
        }
        instant(t.nextChange());
    }

    public String hex() {
        flush();
        return HexFormat.of().formatHex(sha.digest());
    }

    private void instant(Instant i) {
        if (i == null) {
            number(0);
        } else {
            number(1);
            number(i.getEpochSecond());
            number(i.getNano());
        }
    }

    private void text(String s) {
        if (s == null) {
            number(-1);
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            number(b.length);
            if (buffer.remaining() < b.length) {
                flush();
            }
            if (b.length > buffer.capacity()) {
                sha.update(b);
            } else {
                buffer.put(b);
            }
        }
    }

    private void number(long v) {
        if (buffer.remaining() < Long.BYTES) {
            flush();
        }
        buffer.putLong(v);
    }

    private void flush() {
        buffer.flip();
        sha.update(buffer);
        buffer.clear();
    }
}
