package id.ihati.videotron.player.proof;

import com.fasterxml.jackson.databind.JsonNode;
import id.ihati.videotron.player.net.Backoff;
import id.ihati.videotron.player.net.ServerApi;
import id.ihati.videotron.player.net.ServerException;
import id.ihati.videotron.playlists.proof.PlayRecord;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends journalled plays to {@code POST /api/v1/player/plays} in batches, oldest first, and marks them
 * acknowledged only for the play ids the server lists as acknowledged. One upload at a time; after a
 * failure it waits with backoff; a new record schedules an upload soon after.
 *
 * <p>Only records of the screen the player is paired with now are sent (when that is known): after a
 * player was re-paired to another screen, the old screen's unsent records cannot be accepted under the new
 * device token; they stay in the journal rather than block the new screen's uploads, and are delivered with
 * the old screen's revoked token instead ({@code sync.RetiredTokens}).
 */
public final class ProofUploader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProofUploader.class);
    static final String PATH = "/api/v1/player/plays";

    private final PlayJournal journal;
    private final ServerApi api;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final int batchSize;
    private final Backoff backoff;
    private final Supplier<Optional<String>> screenId;
    private ScheduledFuture<?> next;
    private boolean running;
    private boolean again;
    private boolean closed;
    private volatile boolean failing;

    public ProofUploader(PlayJournal journal, ServerApi api, ScheduledExecutorService scheduler, Duration interval,
                         int batchSize, Backoff backoff, Supplier<Optional<String>> screenId) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.api = Objects.requireNonNull(api, "api");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.screenId = Objects.requireNonNull(screenId, "screenId");
    }

    /** Starts uploading now and every {@code interval}; new plays are sent within a few seconds. */
    public void start() {
        journal.onAppend(this::soon);
        schedule(Duration.ZERO);
    }

    /** Asks for an upload in a moment (unless one is due sooner, or uploads are backing off after errors). */
    private synchronized void soon() {
        if (!failing && !closed && (next == null || next.getDelay(TimeUnit.SECONDS) > 2)) {
            schedule(Duration.ofSeconds(2));
        }
    }

    /** The server answers again: upload now rather than when the backoff's wait ends. */
    public void uploadNow() {
        schedule(Duration.ZERO);
    }

    private synchronized void schedule(Duration delay) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = scheduler.schedule(this::runScheduled, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runScheduled() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (running) {
                again = true;   // a new play arrived during an upload: go again right after it
                return;
            }
            running = true;
            again = false;
        }
        Duration wait;
        try {
            uploadAll();
            backoff.reset();
            if (failing) {
                log.info("proof-of-play upload works again");
            }
            failing = false;
            wait = interval;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (IOException | RuntimeException e) {
            wait = backoff.nextDelay();
            if (!failing) {
                log.warn("proof-of-play upload failed, retrying with backoff (next in {}): {}", wait, e.toString());
            }
            failing = true;
            if (e instanceof ServerException se && se.unauthorized()) {
                return;
            }
        } finally {
            synchronized (this) {
                running = false;
            }
        }
        schedule(again && !failing ? Duration.ZERO : wait);
    }

    /**
     * Sends batches until nothing is pending. Returns the number of records acknowledged.
     *
     * @throws IOException when the server cannot be reached or refuses a batch
     */
    public int uploadAll() throws IOException, InterruptedException {
        int total = 0;
        while (true) {
            List<PlayJournal.Pending> batch = journal.pending(batchSize, screenId.get().orElse(null));
            if (batch.isEmpty()) {
                return total;
            }
            int acked = upload(batch);
            total += acked;
            if (acked == 0) {
                throw new Refused(batch.size());
            }
            if (acked < batch.size()) {
                // Some plays were refused: try them again later rather than in a tight loop.
                return total;
            }
        }
    }

    /** The server answered, but acknowledged none of the plays sent. */
    public static final class Refused extends IOException {
        Refused(int sent) {
            super("the server acknowledged none of " + sent + " plays");
        }
    }

    private int upload(List<PlayJournal.Pending> batch) throws IOException, InterruptedException {
        List<PlayRecord> records = batch.stream().map(PlayJournal.Pending::record).toList();
        JsonNode answer = api.postJson("proof-of-play upload", PATH, Map.of("records", records), 200);
        Set<String> sent = new HashSet<>();
        records.forEach(r -> sent.add(r.playId()));
        Set<String> acked = new HashSet<>();
        answer.path("acknowledged").forEach(id -> {
            if (sent.contains(id.asText())) {
                acked.add(id.asText());
            }
        });
        journal.acknowledge(acked);
        if (!answer.path("chainIntact").asBoolean(true)) {
            log.warn("the server found problems in the proof-of-play chain: {}", answer.path("problems"));
        }
        if (acked.size() < records.size()) {
            log.warn("the server acknowledged {} of {} plays; the rest stay journalled", acked.size(), records.size());
        } else {
            log.debug("uploaded {} plays", acked.size());
        }
        return acked.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
