package id.ihati.videotron.admin.demo;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.UserRepository;
import id.ihati.videotron.admin.booking.Scheduling;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.player.DeviceTokens;
import id.ihati.videotron.admin.screen.ScreenRepository;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * What the demo seeds through: the same parts the pages use, so demo data obeys the same rules. Built by the
 * composition root when {@code --demo} is on.
 *
 * @param dataDir where the local demo player's key and token are written
 */
public record DemoParts(Jdbi jdbi, Clock clock, UserRepository users, AuditLog audit, ScreenRepository screens,
                        DeviceTokens deviceTokens, MediaLibrary library, Scheduling scheduling, Path dataDir) {
}
