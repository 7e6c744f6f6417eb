package id.ihati.videotron.player;

import static org.assertj.core.api.Assertions.assertThat;

import id.ihati.videotron.player.playback.display.Placement;
import id.ihati.videotron.playlists.schedule.OutputArea;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where the window goes: the player's own settings win over the server's rectangle, which wins over a monitor. */
class PlayerTest {
    private static final OutputArea SERVER = new OutputArea(0, 0, 960, 480);

    private static PlayerConfig config(OutputArea output, int monitor) {
        return new PlayerConfig(URI.create("http://s:1"), Path.of("/tmp/x"), output, monitor, true,
                PlayerConfig.DEFAULT_CACHE_BUDGET);
    }

    @Test
    void theConfiguredRectangleWinsOverTheServers() {
        var own = new OutputArea(1920, 0, 640, 320);
        assertThat(Player.placement(config(own, 0), SERVER)).isEqualTo(Placement.area(own));
    }

    @Test
    void withoutAConfiguredRectangleTheServersIsUsed() {
        assertThat(Player.placement(config(null, 1), SERVER)).isEqualTo(Placement.area(SERVER));
    }

    @Test
    void withNoRectangleAtAllTheChosenMonitorIsFilled() {
        assertThat(Player.placement(config(null, 1), null)).isEqualTo(Placement.monitor(1));
    }
}
