package id.ihati.videotron.admin.media;

import id.ihati.videotron.playlists.schedule.Resolution;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.mp4parser.Container;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.FileTypeBox;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleDescriptionBox;
import org.mp4parser.boxes.iso14496.part12.SampleSizeBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.sampleentry.SampleEntry;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;
import org.mp4parser.muxer.FileRandomAccessSourceImpl;
import org.mp4parser.muxer.Movie;
import org.mp4parser.muxer.Track;
import org.mp4parser.muxer.builder.DefaultMp4Builder;
import org.mp4parser.muxer.container.mp4.MovieCreator;

/**
 * Reads the facts of an MP4 file and makes its video-only copy, with mp4parser.
 *
 * <p>mp4parser copies every {@code mdat} box it parses into a temporary file that is deleted only when the JVM
 * exits; on a server that runs for months that would fill the disk. So only the {@code ftyp} and {@code moov}
 * boxes (the index, a few KB to a few MB) are parsed from memory; the samples are read from the file itself
 * through their absolute offsets.
 */
final class Mp4File {
    /** Larger indexes are not plausible for the short clips a videotron loops. */
    static final long MAX_MOOV_BYTES = 64L * 1024 * 1024;

    /** A top-level box: its type, where it starts and how long it is. */
    record Box(String type, long offset, long size) {
    }

    /** One track as its sample description says. */
    record TrackFacts(String handler, String codec, Resolution pixels, long samples) {
    }

    /** The file's facts; {@code durationMillis} from the movie header. */
    record Facts(long durationMillis, List<TrackFacts> tracks) {
        TrackFacts video() {
            return tracks.stream().filter(t -> "vide".equals(t.handler())).findFirst().orElse(null);
        }

        List<TrackFacts> audio() {
            return tracks.stream().filter(t -> "soun".equals(t.handler())).toList();
        }
    }

    /** The file is not a complete, well-formed MP4; the message is for the log. */
    static final class Broken extends Exception {
        Broken(String why) {
            super(why);
        }

        Broken(String why, Throwable cause) {
            super(why, cause);
        }
    }

    private Mp4File() {
    }

    /** The top-level boxes; refuses a file whose boxes run past its end (a cut-off file). */
    static List<Box> boxes(Path file) throws IOException, Broken {
        var boxes = new ArrayList<Box>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            long pos = 0;
            ByteBuffer head = ByteBuffer.allocate(16);
            while (pos < length) {
                if (length - pos < 8) {
                    throw new Broken("trailing " + (length - pos) + " bytes at " + pos);
                }
                head.clear().limit(8);
                readFully(ch, head, pos);
                long size = Integer.toUnsignedLong(head.getInt(0));
                String type = new String(head.array(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                int header = 8;
                if (size == 1) {
                    head.clear().limit(8);
                    readFully(ch, head, pos + 8);
                    size = head.getLong(0);
                    header = 16;
                } else if (size == 0) {
                    size = length - pos;
                }
                if (size < header) {
                    throw new Broken("box " + type + " at " + pos + " has impossible size " + size);
                }
                if (pos + size > length) {
                    throw new Broken("box " + type + " at " + pos + " needs " + size + " bytes, file ends after "
                            + (length - pos));
                }
                boxes.add(new Box(type, pos, size));
                pos += size;
            }
        }
        return boxes;
    }

    /** Reads the facts from the file's index. */
    static Facts facts(Path file) throws IOException, Broken {
        try (IsoFile iso = index(file)) {
            MovieHeaderBox mvhd = org.mp4parser.tools.Path.getPath(iso, "moov[0]/mvhd[0]");
            if (mvhd == null || mvhd.getTimescale() <= 0) {
                throw new Broken("no movie header");
            }
            long durationMillis = mvhd.getDuration() * 1000 / mvhd.getTimescale();
            var tracks = new ArrayList<TrackFacts>();
            for (TrackBox trak : iso.getMovieBox().getBoxes(TrackBox.class)) {
                HandlerBox hdlr = org.mp4parser.tools.Path.getPath(trak, "mdia[0]/hdlr[0]");
                SampleDescriptionBox stsd = org.mp4parser.tools.Path.getPath(trak, "mdia[0]/minf[0]/stbl[0]/stsd[0]");
                SampleSizeBox stsz = org.mp4parser.tools.Path.getPath(trak, "mdia[0]/minf[0]/stbl[0]/stsz[0]");
                if (hdlr == null || stsd == null) {
                    throw new Broken("track without handler or sample description");
                }
                SampleEntry entry = stsd.getSampleEntry();
                String codec = entry == null ? "?" : entry.getType();
                Resolution pixels = entry instanceof VisualSampleEntry v && v.getWidth() > 0 && v.getHeight() > 0
                        ? new Resolution(v.getWidth(), v.getHeight()) : null;
                tracks.add(new TrackFacts(hdlr.getHandlerType(), codec, pixels,
                        stsz == null ? 0 : stsz.getSampleCount()));
            }
            return new Facts(durationMillis, tracks);
        } catch (RuntimeException e) {
            // mp4parser reports malformed boxes with unchecked exceptions of many kinds.
            throw new Broken("unreadable MP4 index: " + e, e);
        }
    }

    /**
     * Writes a copy of the file with its video track only (samples copied as they are, no re-encode) to
     * {@code target}.
     */
    static void writeVideoOnly(Path file, Path target) throws IOException, Broken {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
             var samples = new FileRandomAccessSourceImpl(raf)) {
            Movie source;
            try {
                source = MovieCreator.build(Channels.newChannel(new ByteArrayInputStream(indexBytes(file))),
                        samples, file.getFileName().toString());
            } catch (RuntimeException e) {
                throw new Broken("unreadable MP4 index: " + e, e);
            }
            Movie out = new Movie();
            out.setMatrix(source.getMatrix());
            for (Track t : source.getTracks()) {
                if ("vide".equals(t.getHandler())) {
                    out.addTrack(t);
                }
            }
            if (out.getTracks().size() != 1) {
                throw new Broken("expected one video track, found " + out.getTracks().size());
            }
            Container built = new DefaultMp4Builder() {
                // mp4parser's default major brand is "iso6", which JavaFX does not know: it tells an MP4 by the
                // ftyp brand and refused every copy with "media type not supported". "isom" is what ffmpeg writes.
                @Override
                protected FileTypeBox createFileTypeBox(Movie movie) {
                    return new FileTypeBox("isom", 512, List.of("isom", "iso2", "avc1", "mp41"));
                }
            }.build(out);
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE)) {
                built.writeContainer(ch);
            }
            for (Track t : source.getTracks()) {
                t.close();
            }
        }
    }

    private static IsoFile index(Path file) throws IOException, Broken {
        return new IsoFile(Channels.newChannel(new ByteArrayInputStream(indexBytes(file))));
    }

    /** The ftyp and moov boxes, concatenated: all mp4parser needs to describe the samples. */
    private static byte[] indexBytes(Path file) throws IOException, Broken {
        List<Box> boxes = boxes(file);
        var out = new java.io.ByteArrayOutputStream();
        boolean moov = false;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (Box b : boxes) {
                if (!b.type().equals("ftyp") && !b.type().equals("moov")) {
                    continue;
                }
                if (b.size() > MAX_MOOV_BYTES) {
                    throw new Broken(b.type() + " box of " + b.size() + " bytes is implausibly large");
                }
                moov |= b.type().equals("moov");
                ByteBuffer buf = ByteBuffer.allocate((int) b.size());
                readFully(ch, buf, b.offset());
                out.write(buf.array(), 0, buf.limit());
            }
        }
        if (!moov) {
            throw new Broken("no moov box");
        }
        return out.toByteArray();
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new java.io.EOFException();
            }
            pos += n;
        }
        buf.flip();
    }
}
