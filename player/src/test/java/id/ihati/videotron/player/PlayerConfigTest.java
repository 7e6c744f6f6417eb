package id.ihati.videotron.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.ihati.videotron.playlists.schedule.OutputArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayerConfigTest {
    @TempDir
    Path dir;

    @Test
    void flagsWinOverTheFileInTheDataDirectory() throws Exception {
        Files.writeString(dir.resolve("player.properties"), """
                server=http://file.example:7070
                output=0,0,960,480
                display.power=off
                """);
        var c = PlayerConfig.load(new String[] {"--data-dir", dir.toString(), "--server", "http://flag.example:7070/"},
                Path.of("/nonexistent"));

        assertThat(c.server()).hasToString("http://flag.example:7070");
        assertThat(c.output()).isEqualTo(new OutputArea(0, 0, 960, 480));
        assertThat(c.displayPower()).isFalse();
        assertThat(c.dataDir()).isEqualTo(dir);
    }

    @Test
    void anOutputRectangleCanBeGivenAsAnXGeometry() throws Exception {
        var c = PlayerConfig.load(new String[] {"--server=http://s:1", "--output", "960x480+1920+0"}, dir);
        assertThat(c.output()).isEqualTo(new OutputArea(1920, 0, 960, 480));
        assertThat(c.monitor()).isZero();
        assertThat(c.cacheBudgetBytes()).isEqualTo(PlayerConfig.DEFAULT_CACHE_BUDGET);
    }

    @Test
    void theCacheBudgetTakesUnits() throws Exception {
        var c = PlayerConfig.load(new String[] {"--server=http://s:1", "--cache-budget", "500M"}, dir);
        assertThat(c.cacheBudgetBytes()).isEqualTo(500_000_000L);
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        assertThatThrownBy(() -> PlayerConfig.load(
                new String[] {"--output", "big", "--monitor", "two", "--colour", "red", "--display-power", "maybe"}, dir))
                .isInstanceOfSatisfying(PlayerConfig.Invalid.class, e -> assertThat(e.problems()).hasSize(5)
                        .anySatisfy(p -> assertThat(p).contains("server URL is missing"))
                        .anySatisfy(p -> assertThat(p).contains("output rectangle"))
                        .anySatisfy(p -> assertThat(p).contains("monitor must be a number"))
                        .anySatisfy(p -> assertThat(p).contains("unknown option --colour"))
                        .anySatisfy(p -> assertThat(p).contains("display power")));
    }

    @Test
    void aServerThatIsNotHttpIsRefused() {
        assertThatThrownBy(() -> PlayerConfig.load(new String[] {"--server", "ftp://x"}, dir))
                .hasMessageContaining("http:// or https://");
    }
}
