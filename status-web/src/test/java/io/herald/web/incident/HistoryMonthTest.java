package io.herald.web.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.problem.ProblemException;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HistoryMonthTest {

    @ParameterizedTest
    @CsvSource({"1970-01, 1970-01, , 1970-02", "2026-11, 2026-11, 2026-10, 2026-12", "2026-12, 2026-12, 2026-11, 2027-01",
            "9999-12, 9999-12, 9999-11, "})
    void shouldReadAMonthFrom1970To9999AndLinkOnlyToMonthsItReads(String text, String month, String previous,
            String next) {
        YearMonth read = HistoryMonth.parse(text);
        assertThat(read).isEqualTo(YearMonth.parse(month));
        assertThat(HistoryMonth.previous(read)).isEqualTo(previous);
        assertThat(HistoryMonth.next(read)).isEqualTo(next);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"+999999999-12", "-999999999-01", "+2026-11", "1969-12", "0000-01", "10000-01", "2026-13",
            "2026-00", "2026-1", "26-11", "2026-11-01", "2026/11", " 2026-11", "", "not-a-month", "٢٠٢٦-١١"})
    void shouldRefuseAnythingElseAsABadMonth(String text) {
        assertThatThrownBy(() -> HistoryMonth.parse(text)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.problem().slug()).isEqualTo("bad-month");
            assertThat(e.problem().field()).isEqualTo("month");
        });
    }
}
