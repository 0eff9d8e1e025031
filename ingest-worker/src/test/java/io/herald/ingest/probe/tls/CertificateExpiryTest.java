package io.herald.ingest.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.CheckOutcome;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");

    @ParameterizedTest(name = "notAfter {0}, warn {1} days -> {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "2027-01-25T00:00:00Z | 14 | UP       | certificate expires in 60 days (2027-01-25)",
            "2026-12-10T15:00:00Z | 14 | DEGRADED | certificate expires in 14 days (2026-12-10)",
            "2026-11-29T14:00:00Z | 14 | DEGRADED | certificate expires in 3 days (2026-11-29)",
            "2026-11-29T14:00:00Z |  2 | UP       | certificate expires in 3 days (2026-11-29)",
            "2026-11-27T00:00:00Z |  0 | UP       | certificate expires in 1 day (2026-11-27)",
            "2026-11-26T20:00:00Z |  0 | DEGRADED | certificate expires today (2026-11-26)",
            "2026-11-26T10:00:00Z | 14 | DOWN     | certificate expired today (2026-11-26)",
            "2024-02-01T00:00:00Z | 14 | DOWN     | certificate expired 1029 days ago (2024-02-01)"
    })
    void shouldJudgeExpiryByCalendarDays(Instant notAfter, int warningDays, CheckOutcome outcome, String detail) {
        CertificateExpiry.Verdict verdict = CertificateExpiry.judge(notAfter, NOW, warningDays);

        assertThat(verdict.outcome()).isEqualTo(outcome);
        assertThat(verdict.detail()).isEqualTo(detail);
    }
}
