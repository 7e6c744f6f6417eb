package id.ihati.videotron.player.sync;

import id.ihati.videotron.player.net.Backoff;
import id.ihati.videotron.player.net.ServerApi;
import id.ihati.videotron.player.net.ServerException;
import id.ihati.videotron.player.proof.PlayJournal;
import id.ihati.videotron.player.proof.ProofUploader;
import id.ihati.videotron.player.sync.pairing.DeviceTokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the unsent plays of screens this player was paired with before. When a screen is paired again
 * (to this player or another) its old token is revoked, but the plays made under it were made for that
 * screen: the player keeps the token ({@link DeviceTokenStore#retire}) and the server accepts, under it, the
 * screen's plays that started before the revocation. Plays that started later are refused: they stay in the
 * journal (never lost) and the heartbeat reports them as {@code heldPlays}. A token with nothing left to
 * deliver, or one the server no longer knows, is deleted.
 */
final class RetiredTokens {
    private static final Logger log = LoggerFactory.getLogger(RetiredTokens.class);

    private final DeviceTokenStore tokens;
    private final PlayJournal journal;
    private final HttpClient http;
    private final URI server;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final int batchSize;
    /** Screens whose remaining plays the server refused (played after the revocation): not asked again. */
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    RetiredTokens(DeviceTokenStore tokens, PlayJournal journal, HttpClient http, URI server, Duration timeout,
                  ScheduledExecutorService scheduler, int batchSize) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.http = Objects.requireNonNull(http, "http");
        this.server = Objects.requireNonNull(server, "server");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.batchSize = batchSize;
    }

    /** One round over every kept token; network errors leave it for the next round. */
    synchronized void deliver() {
        for (Map.Entry<String, String> e : tokens.retired().entrySet()) {
            String screen = e.getKey();
            if (journal.pending(1, screen).isEmpty()) {
                tokens.forgetRetired(screen);
                log.info("every play of earlier screen {} is delivered; its revoked token is deleted", screen);
                continue;
            }
            if (refused.contains(screen)) {
                continue;
            }
            var api = new ServerApi(http, server, timeout);
            api.setToken(e.getValue());
            var uploader = new ProofUploader(journal, api, scheduler, Duration.ofMinutes(1), batchSize,
                    new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5)), () -> Optional.of(screen));
            try {
                int delivered = uploader.uploadAll();
                log.info("delivered {} plays of earlier screen {} with its revoked token", delivered, screen);
            } catch (ServerException se) {
                if (se.unauthorized()) {
                    log.warn("the server no longer knows the token of earlier screen {}; its {} unsent plays stay "
                            + "in the journal", screen, journal.pendingCount() - journal.pendingCountExcept(screen));
                    tokens.forgetRetired(screen);
                } else {
                    refusedFor(screen, se);
                }
            } catch (ProofUploader.Refused ex) {
                refusedFor(screen, ex);
            } catch (IOException ex) {
                log.info("plays of earlier screen {} not delivered yet: {}", screen, ex.toString());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void refusedFor(String screen, IOException why) {
        refused.add(screen);
        log.warn("the server refused the remaining plays of earlier screen {} (played after its token was "
                + "revoked?); they stay in the journal and heartbeats report them: {}", screen, why.toString());
    }
}
