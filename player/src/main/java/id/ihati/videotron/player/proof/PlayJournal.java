package id.ihati.videotron.player.proof;

import com.fasterxml.jackson.core.type.TypeReference;
import id.ihati.videotron.player.files.AtomicFiles;
import id.ihati.videotron.player.net.Json;
import id.ihati.videotron.playlists.proof.PlayRecord;
import id.ihati.videotron.playlists.timeline.PlannedPlay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proof-of-play journal on disk: every play's {@link PlayRecord}, chained per screen, one JSON line
 * each, appended and forced to disk before {@link #report} returns.
 *
 * <p>Files in its directory:
 * <ul>
 *   <li>{@code segment-<first index>.jsonl}: the records, in order; a new segment starts every
 *       {@code segmentRecords} records so weeks offline never make one huge file. The <em>index</em> of a
 *       line counts every line the journal ever held, across segments.</li>
 *   <li>{@code acked.json}: which records the server has acknowledged: every index below {@code upTo}, and
 *       the play ids in {@code alsoAcked} beyond it.</li>
 *   <li>{@code heads.json}: the last seq and hash of every screen's chain, written before fully acknowledged
 *       segments are deleted, so the chain goes on after its records are gone.</li>
 * </ul>
 * A power cut during an append can leave a torn last line: opening the journal cuts it off (keeping the
 * bytes in a {@code .torn} file for inspection). That record's {@code report} never returned, so nothing
 * that was confirmed is lost, and the next record links to the last whole one.
 */
public final class PlayJournal implements PlayReporter, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PlayJournal.class);
    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d{20})\\.jsonl");
    public static final int DEFAULT_SEGMENT_RECORDS = 5_000;
    static final int MAX_ERROR = 500;

    private final Path dir;
    private final int segmentRecords;
    private final Supplier<String> playIds;
    private final UnaryOperator<PlayRecord> signer;
    private final Map<String, ChainHead> heads = new HashMap<>();
    /** First index of each segment, to its file. */
    private final TreeMap<Long, Path> segments = new TreeMap<>();
    private long nextIndex;
    private long ackedUpTo;
    private final Set<String> alsoAcked = new HashSet<>();
    private FileChannel active;
    private long activeLines;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();

    /** The last link of one screen's chain. */
    public record ChainHead(long seq, String hash) {
        static final ChainHead START = new ChainHead(0, PlayRecord.GENESIS);
    }

    /** A record not yet acknowledged, with its place in the journal. */
    public record Pending(long index, PlayRecord record) {
    }

    private record AckState(long upTo, Set<String> alsoAcked) {
    }

    private PlayJournal(Path dir, int segmentRecords, Supplier<String> playIds, UnaryOperator<PlayRecord> signer) {
        this.dir = dir;
        this.segmentRecords = segmentRecords;
        this.playIds = playIds;
        this.signer = signer;
    }

    /** Opens (or creates) the journal in {@code dir}, repairing a torn last line. */
    public static PlayJournal open(Path dir) {
        return open(dir, DEFAULT_SEGMENT_RECORDS, () -> UUID.randomUUID().toString());
    }

    public static PlayJournal open(Path dir, int segmentRecords, Supplier<String> playIds) {
        return open(dir, segmentRecords, playIds, UnaryOperator.identity());
    }

    /**
     * Opens (or creates) the journal; {@code signer} signs each new record before it is written (with the
     * device key, {@code PlaySignatures.sign}), or returns it unsigned when the player has no key.
     */
    public static PlayJournal open(Path dir, int segmentRecords, Supplier<String> playIds,
                                   UnaryOperator<PlayRecord> signer) {
        if (segmentRecords < 1) {
            throw new IllegalArgumentException("a segment holds at least one record, was " + segmentRecords);
        }
        var journal = new PlayJournal(Objects.requireNonNull(dir, "dir"), segmentRecords, playIds,
                Objects.requireNonNull(signer, "signer"));
        try {
            journal.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proof-of-play journal in " + dir, e);
        }
        return journal;
    }

    private void load() throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = SEGMENT.matcher(p.getFileName().toString());
                if (m.matches()) {
                    segments.put(Long.parseLong(m.group(1)), p);
                }
            }
        }
        Path headsFile = dir.resolve("heads.json");
        if (Files.exists(headsFile)) {
            heads.putAll(Json.mapper().readValue(headsFile.toFile(), new TypeReference<Map<String, ChainHead>>() { }));
        }
        Path ackFile = dir.resolve("acked.json");
        if (Files.exists(ackFile)) {
            AckState ack = Json.mapper().readValue(ackFile.toFile(), AckState.class);
            ackedUpTo = ack.upTo();
            alsoAcked.addAll(ack.alsoAcked());
        }
        if (segments.isEmpty()) {
            nextIndex = ackedUpTo;
            return;
        }
        repairTail(segments.lastEntry().getValue());
        for (var e : segments.entrySet()) {
            long index = e.getKey();
            for (String line : Files.readAllLines(e.getValue(), StandardCharsets.UTF_8)) {
                PlayRecord r = readRecord(line);
                if (r == null && index >= ackedUpTo) {
                    log.error("proof-of-play journal {}: record {} is unreadable or altered; it cannot be uploaded",
                            e.getValue().getFileName(), index);
                }
                if (r != null) {
                    ChainHead head = heads.getOrDefault(r.screenId(), ChainHead.START);
                    if (r.seq() > head.seq()) {
                        heads.put(r.screenId(), new ChainHead(r.seq(), r.hash()));
                    }
                }
                index++;
            }
            nextIndex = index;
        }
        var last = segments.lastEntry();
        activeLines = nextIndex - last.getKey();
        active = FileChannel.open(last.getValue(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /**
     * Cuts off whatever follows the last whole, valid line of the newest segment: a line that was being
     * written when the power went. The cut bytes go to a {@code .torn} file next to it.
     */
    private void repairTail(Path segment) throws IOException {
        byte[] bytes = Files.readAllBytes(segment);
        int goodEnd = 0;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
                if (readRecord(line) != null) {
                    goodEnd = i + 1;
                }
                lineStart = i + 1;
            }
        }
        if (goodEnd == bytes.length) {
            return;
        }
        Path torn = segment.resolveSibling(segment.getFileName() + "." + System.currentTimeMillis() + ".torn");
        Files.write(torn, java.util.Arrays.copyOfRange(bytes, goodEnd, bytes.length));
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(goodEnd);
            ch.force(true);
        }
        log.warn("proof-of-play journal {}: cut off {} bytes of an unfinished record at its end (kept in {})",
                segment.getFileName(), bytes.length - goodEnd, torn.getFileName());
    }

    private static PlayRecord readRecord(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            PlayRecord r = Json.mapper().readValue(line, PlayRecord.class);
            return r.hashValid() ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Journals one play, chained after the screen's last record, and forces it to disk before returning. */
    @Override
    public void report(PlayOutcome outcome) {
        append(outcome);
    }

    /** Like {@link #report}, returning the record it wrote. */
    public PlayRecord append(PlayOutcome outcome) {
        PlayRecord record;
        synchronized (this) {
            PlannedPlay p = outcome.planned();
            ChainHead head = heads.getOrDefault(p.screenId(), ChainHead.START);
            // Milliseconds: the system clock has nanoseconds (and so has a filler play planned when a file
            // failed), but the server's databases keep microseconds at most, and a record read back with fewer
            // digits than were hashed would look altered.
            record = signer.apply(PlayRecord.chained(playIds.get(), p.screenId(), head.seq() + 1, p.mediaId(),
                    p.sourceId(), p.category(), millis(p.start()), millis(p.end()), millis(outcome.actualStart()),
                    millis(outcome.actualEnd()),
                    outcome.completed(), shortened(outcome.error()), head.hash()));
            try {
                write(record);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot journal the play of " + p.mediaId(), e);
            }
            heads.put(record.screenId(), new ChainHead(record.seq(), record.hash()));
        }
        appendListeners.forEach(Runnable::run);
        return record;
    }

    private static java.time.Instant millis(java.time.Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * An error text short enough for the server (which refuses a batch with an error over 1,000 characters,
     * and a refused batch would block every later record); a stack trace's first lines say enough.
     */
    static String shortened(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }

    private void write(PlayRecord record) throws IOException {
        if (active == null || activeLines >= segmentRecords) {
            startSegment();
        }
        byte[] line = (Json.mapper().writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = active.size();
        try {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                active.write(buf);
            }
            active.force(true);
        } catch (IOException e) {
            // Leave no half line behind (e.g. disk full), so the next record starts on a clean line.
            active.truncate(before);
            throw e;
        }
        activeLines++;
        nextIndex++;
    }

    private void startSegment() throws IOException {
        if (active != null) {
            active.close();
        }
        Path file = dir.resolve(String.format("segment-%020d.jsonl", nextIndex));
        active = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        AtomicFiles.forceDirectory(dir);
        segments.put(nextIndex, file);
        activeLines = 0;
    }

    /** Calls {@code listener} after each append (outside the journal's lock), e.g. to schedule an upload. */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    /** The last link of a screen's chain. */
    public synchronized ChainHead head(String screenId) {
        return heads.getOrDefault(screenId, ChainHead.START);
    }

    /** Up to {@code max} records not yet acknowledged, oldest first. */
    public List<Pending> pending(int max) {
        return pending(max, null);
    }

    /** Up to {@code max} records of this screen (of every screen when null) not yet acknowledged, oldest first. */
    public synchronized List<Pending> pending(int max, String screenId) {
        List<Pending> out = new ArrayList<>();
        try {
            scan((index, record) -> {
                if (!alsoAcked.contains(record.playId()) && (screenId == null || screenId.equals(record.screenId()))) {
                    out.add(new Pending(index, record));
                }
                return out.size() < max;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the proof-of-play journal", e);
        }
        return out;
    }

    /** How many records wait for acknowledgement. */
    public long pendingCount() {
        return pendingCount(record -> true);
    }

    /** How many records of screens other than {@code screenId} wait for acknowledgement. */
    public long pendingCountExcept(String screenId) {
        synchronized (this) {
            if (heads.keySet().stream().allMatch(screenId::equals)) {
                return 0;   // no other screen ever had a record: spare heartbeats a scan of the journal
            }
        }
        return pendingCount(record -> !record.screenId().equals(screenId));
    }

    private synchronized long pendingCount(Predicate<PlayRecord> which) {
        long[] count = {0};
        try {
            scan((index, record) -> {
                if (!alsoAcked.contains(record.playId()) && which.test(record)) {
                    count[0]++;
                }
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the proof-of-play journal", e);
        }
        return count[0];
    }

    /**
     * Marks these plays as acknowledged by the server, durably, and deletes segments whose records are
     * all acknowledged. Unknown or already acknowledged ids are ignored.
     */
    public synchronized void acknowledge(Collection<String> playIds) {
        if (playIds.isEmpty()) {
            return;
        }
        Set<String> acked = new HashSet<>(playIds);
        try {
            Set<String> beyond = new HashSet<>(alsoAcked);
            long[] upTo = {ackedUpTo};
            boolean[] prefix = {true};
            int[] found = {0};
            scanLines((index, record) -> {
                boolean isAcked = record == null || beyond.contains(record.playId()) || acked.contains(record.playId());
                if (record != null && acked.contains(record.playId())) {
                    found[0]++;
                }
                if (prefix[0] && isAcked) {
                    upTo[0] = index + 1;
                    if (record != null) {
                        beyond.remove(record.playId());
                    }
                } else {
                    prefix[0] = false;
                    if (record != null && acked.contains(record.playId())) {
                        beyond.add(record.playId());
                    }
                }
                return found[0] < acked.size() || prefix[0];
            });
            AtomicFiles.write(dir.resolve("acked.json"),
                    Json.mapper().writeValueAsBytes(new AckState(upTo[0], beyond)));
            ackedUpTo = upTo[0];
            alsoAcked.clear();
            alsoAcked.addAll(beyond);
            deleteAcknowledgedSegments();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record acknowledgements in the proof-of-play journal", e);
        }
    }

    private void deleteAcknowledgedSegments() throws IOException {
        List<Long> done = new ArrayList<>();
        for (var e : segments.entrySet()) {
            Long next = segments.higherKey(e.getKey());
            // The newest segment stays: new records go there until it is full.
            if (next != null && next <= ackedUpTo) {
                done.add(e.getKey());
            }
        }
        if (done.isEmpty()) {
            return;
        }
        AtomicFiles.write(dir.resolve("heads.json"), Json.mapper().writeValueAsBytes(heads));
        for (Long first : done) {
            Files.delete(segments.remove(first));
        }
        AtomicFiles.forceDirectory(dir);
        log.debug("deleted {} acknowledged proof-of-play segments", done.size());
    }

    @FunctionalInterface
    private interface Visitor {
        /** @param record the record, or {@code null} for an unreadable line; returns false to stop */
        boolean visit(long index, PlayRecord record) throws IOException;
    }

    /** Visits the readable records at or above the acknowledged prefix, in order. */
    private void scan(Visitor visitor) throws IOException {
        scanLines((index, record) -> record == null || visitor.visit(index, record));
    }

    /** Visits every line at or above the acknowledged prefix, in order. */
    private void scanLines(Visitor visitor) throws IOException {
        Long from = segments.floorKey(ackedUpTo);
        if (from == null) {
            from = segments.isEmpty() ? null : segments.firstKey();
        }
        if (from == null) {
            return;
        }
        for (var e : segments.tailMap(from, true).entrySet()) {
            long index = e.getKey();
            try (var lines = Files.lines(e.getValue(), StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (index >= ackedUpTo && !visitor.visit(index, readRecord(line))) {
                        return;
                    }
                    index++;
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (active != null) {
            try {
                active.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the proof-of-play journal", e);
            }
            active = null;
        }
    }
}
