package id.ihati.videotron.admin.media;

import id.ihati.videotron.playlists.schedule.FileRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files by content: {@code <data>/media/<sha256>}. New files are written to a temporary file under
 * {@code <data>/tmp} while their SHA-256 is computed, then moved into place in one atomic step, so a reader
 * never sees half a file and a failed write leaves nothing behind. The only path ever built from outside
 * input is from a validated SHA-256.
 */
public final class ContentStore {
    private final Path dir;
    private final Path tmp;

    public ContentStore(Path dataDir) {
        this.dir = dataDir.resolve("media");
        this.tmp = dataDir.resolve("tmp");
        try {
            Files.createDirectories(dir);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the media store in " + dataDir, e);
        }
    }

    /** A file being written: its temporary path, SHA-256 and size once {@link #write} returned. */
    public record Staged(Path temp, String sha256, long size) {
    }

    /** Too many bytes: the writer stopped at the limit. */
    public static final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("more than " + limit + " bytes");
        }
    }

    /**
     * Copies {@code in} into a new temporary file, hashing as it goes; at most {@code limit} bytes. The
     * caller must {@link #commit} or {@link #discard} the result. On any failure nothing is left behind.
     */
    public Staged write(InputStream in, long limit) throws IOException {
        Path temp = Files.createTempFile(tmp, "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    size += n;
                    if (size > limit) {
                        throw new TooLarge(limit);
                    }
                    out.write(buf, 0, n);
                }
            }
            return new Staged(temp, HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Writes bytes produced in memory (a rendered slide of a few KB). */
    public FileRef put(byte[] bytes) {
        try {
            Staged s = write(new java.io.ByteArrayInputStream(bytes), Long.MAX_VALUE);
            commit(s);
            return new FileRef(s.sha256(), s.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a file", e);
        }
    }

    /** Moves a staged file into the store under its SHA-256; if that content is already there, drops the copy. */
    public Path commit(Staged staged) throws IOException {
        Path target = dir.resolve(staged.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(staged.temp());
            return target;
        }
        try {
            Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // tmp and media are siblings in the data dir, so this only happens on exotic mounts.
            Files.move(staged.temp(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    public void discard(Staged staged) {
        try {
            Files.deleteIfExists(staged.temp());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary file " + staged.temp(), e);
        }
    }

    /** A new empty temporary file for derived content (the video-only copy). */
    public Path newTemp(String suffix) throws IOException {
        return Files.createTempFile(tmp, "derived-", suffix);
    }

    /** Hashes and commits a temporary file made by {@link #newTemp}. */
    public FileRef commitTemp(Path temp) throws IOException {
        Staged staged;
        try (InputStream in = Files.newInputStream(temp)) {
            MessageDigest sha = sha256();
            byte[] buf = new byte[64 * 1024];
            long size = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
                size += n;
            }
            staged = new Staged(temp, HexFormat.of().formatHex(sha.digest()), size);
        }
        commit(staged);
        return new FileRef(staged.sha256(), staged.size());
    }

    /** The stored file for a SHA-256, if present; a malformed SHA-256 never reaches the file system. */
    public Optional<Path> file(String sha256) {
        if (!FileRef.isSha256(sha256)) {
            return Optional.empty();
        }
        Path p = dir.resolve(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The SHA-256 names of every stored file. */
    public java.util.List<String> list() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(FileRef::isSha256).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Deletes a stored file; true if it existed. */
    public boolean delete(String sha256) {
        if (!FileRef.isSha256(sha256)) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
        try {
            return Files.deleteIfExists(dir.resolve(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete stored file " + sha256, e);
        }
    }

    public Path tmpDir() {
        return tmp;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
