package id.ihati.videotron.playlists.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreenProfileTest {

    static ScreenProfile screen(int loop, int slot) {
        return new ScreenProfile("simpang-tiga", "Simpang Tiga", null, null, new Resolution(960, 480), loop, slot,
                ScreenProfile.alwaysOn(), Map.of(Category.HEALTH, 40), null, false, Set.of("pusat-kota"), null);
    }

    @Test
    void defaultsToJakartaTimeAndContainFit() {
        ScreenProfile s = screen(300, 15);
        assertThat(s.timeZone().getId()).isEqualTo("Asia/Jakarta");
        assertThat(s.fitMode()).isEqualTo(FitMode.CONTAIN);
        assertThat(s.slotsPerLoop()).isEqualTo(20);
    }

    @Test
    void refusesSlotLengthThatDoesNotDivideTheLoop() {
        assertThatThrownBy(() -> screen(300, 17)).hasMessageContaining("does not divide");
    }

    @Test
    void refusesMinimumSharesAboveOneHundredPercent() {
        assertThatThrownBy(() -> new ScreenProfile("a", "A", null, null, new Resolution(10, 10), 60, 15, null,
                Map.of(Category.HEALTH, 70, Category.CITY, 40), null, false, null, null))
                .hasMessageContaining("110");
    }
}
