package id.ihati.videotron.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {
    private static final LocalDate FALLBACK = LocalDate.of(2026, 12, 1);

    @Test
    void anAbsentOrBlankValueTakesTheFallback() {
        assertThat(Params.intIn(null, 7, 0, 23, "hour", "review.query.badNumber")).isEqualTo(7);
        assertThat(Params.intIn("  ", 7, 0, 23, "hour", "review.query.badNumber")).isEqualTo(7);
        assertThat(Params.intClamped("", 100, 1, 500)).isEqualTo(100);
        assertThat(Params.date(null, FALLBACK, "from", "review.query.badDate")).isEqualTo(FALLBACK);
        assertThat(Params.date(" ", "from", "audit.badDate", new ArrayList<>())).isEmpty();
    }

    @Test
    void aNumberInItsRangeIsReadWithSpacesAround() {
        assertThat(Params.intIn(" 23 ", 7, 0, 23, "hour", "review.query.badNumber")).isEqualTo(23);
        assertThat(Params.intIn("0", 7, 0, 23, "hour", "review.query.badNumber")).isZero();
    }

    @Test
    void aNumberOutOfRangeOrNotANumberIsRefusedOnItsFieldInBothLanguages() {
        for (String wrong : List.of("24", "-1", "sembilan", "9.5", "99999999999")) {
            assertThatThrownBy(() -> Params.intIn(wrong, 7, 0, 23, "hour", "review.query.badNumber"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.problems()).containsExactly(new Problem("hour", "Harus bilangan 0–23.",
                                "Must be a number 0–23."));
                    });
        }
    }

    @Test
    void aPagingNumberIsHeldToItsRangeAndGarbageTakesTheFallback() {
        assertThat(Params.intClamped("1000", 100, 1, 500)).isEqualTo(500);
        assertThat(Params.intClamped("-3", 0, 0, Integer.MAX_VALUE)).isZero();
        assertThat(Params.intClamped("abc", 100, 1, 500)).isEqualTo(100);
        assertThat(Params.intClamped("42", 100, 1, 500)).isEqualTo(42);
    }

    @Test
    void aWrongDateIsRefusedWithTheTextItWasGiven() {
        assertThat(Params.date("2026-12-05", FALLBACK, "from", "review.query.badDate"))
                .isEqualTo(LocalDate.of(2026, 12, 5));
        assertThatThrownBy(() -> Params.date("05/12/2026", FALLBACK, "from", "review.query.badDate"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problems()).containsExactly(new Problem("from",
                            "Tanggal tidak valid: 05/12/2026 (format TTTT-BB-HH).",
                            "Invalid date: 05/12/2026 (format YYYY-MM-DD)."));
                });
    }

    @Test
    void aFormCollectsEveryWrongDateAsItsOwnFieldsProblem() {
        var problems = new ArrayList<Problem>();
        assertThat(Params.date("2026-02-30", "from", "review.query.badDate", problems)).isEmpty();
        assertThat(Params.date("kemarin", "to", "review.query.badDate", problems)).isEmpty();
        assertThat(Params.date("2026-02-28", "day", "review.query.badDate", problems))
                .hasValue(LocalDate.of(2026, 2, 28));
        assertThat(problems).extracting(Problem::field).containsExactly("from", "to");
        assertThat(problems.get(1).messageEn()).isEqualTo("Invalid date: kemarin (format YYYY-MM-DD).");
    }

    @Test
    void aViewsOptionalSettingFallsBackWhenWrong() {
        assertThat(Params.intOr("24", 9, 0, 23)).isEqualTo(9);
        assertThat(Params.intOr("jam", 9, 0, 23)).isEqualTo(9);
        assertThat(Params.intOr(null, 9, 0, 23)).isEqualTo(9);
        assertThat(Params.intOr("14", 9, 0, 23)).isEqualTo(14);
        assertThat(Params.dateOr("besok", FALLBACK)).isEqualTo(FALLBACK);
        assertThat(Params.dateOr("", FALLBACK)).isEqualTo(FALLBACK);
        assertThat(Params.dateOr("2026-12-24", FALLBACK)).isEqualTo(LocalDate.of(2026, 12, 24));
    }
}
