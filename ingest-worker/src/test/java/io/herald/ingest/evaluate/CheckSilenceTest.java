package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckSilenceTest {
    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    private static CheckDef check(String kind, String silence, String expectEvery) {
        CheckType type = new CheckType("t", CheckType.Kind.valueOf(kind), CheckType.Silence.valueOf(silence));
        return new CheckDef("c", "IMAP monitor", type, "comp", Duration.ofSeconds(30), Duration.ofSeconds(10), 1, 1,
                null, 1, null, expectEvery == null ? null : Duration.parse("PT" + expectEvery));
    }

    /** A record whose last signal was received {@code heardAgo} seconds before NOW, created {@code sinceAgo} before. */
    private static CheckRecord record(CheckHealth state, Long heardAgo, long sinceAgo) {
        Instant heard = heardAgo == null ? null : NOW.minusSeconds(heardAgo);
        return new CheckRecord(state, state, "last word", Map.of(), FlapState.NONE, java.util.List.of(),
                heard == null ? 0 : 1, heard, NOW.minusSeconds(sinceAgo), 0);
    }

    @ParameterizedTest(name = "{0} {1} every {2}, {3} heard {4} s ago -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // kind | silence | expect | record | heard (s ago) | shown | stale | detail
            "PUSH  | STALE | -   | UP       | 99999 | UP       | false | last word",
            "PUSH  | STALE | 4H  | UP       | 600   | UP       | false | last word",
            "PUSH  | STALE | 5M  | UP       | 300   | UP       | false | last word",
            "PUSH  | STALE | 5M  | UP       | 301   | DEGRADED | true  | no recent data from IMAP monitor since 2026-12-03T08:54:59Z",
            "PUSH  | STALE | 5M  | DEGRADED | 301   | DEGRADED | true  | no recent data from IMAP monitor since 2026-12-03T08:54:59Z",
            "PUSH  | STALE | 5M  | DOWN     | 301   | DOWN     | true  | last word",
            "PROBE | STALE | 100S | UP      | 101   | DEGRADED | true  | no recent data from IMAP monitor since 2026-12-03T08:58:19Z",
            "PROBE | STALE | 100S | UNKNOWN | 101   | UNKNOWN  | false | last word",
            "PUSH  | DOWN  | 1H  | UP       | 3599  | UP       | false | last word",
            "PUSH  | DOWN  | 1H  | UP       | 3601  | DOWN     | false | no heartbeat from IMAP monitor since 2026-12-03T07:59:59Z (expected every 1h)",
            "PUSH  | DOWN  | 90S | DOWN     | 91    | DOWN     | false | no heartbeat from IMAP monitor since 2026-12-03T08:58:29Z (expected every 1m30s)",
            // never heard: counted from when the record was created (7200 s ago)
            "PUSH  | DOWN  | 1H  | UP       | -     | DOWN     | false | no heartbeat from IMAP monitor since 2026-12-03T07:00:00Z (expected every 1h)",
    })
    void shouldJudgeACheckBySinceWhenItIsSilent(String kind, String silence, String expect, CheckHealth state,
            Long heardAgo, CheckHealth shown, boolean stale, String detail) {
        CheckSilence.View view = CheckSilence.judge(check(kind, silence, expect), record(state, heardAgo, 7200), NOW,
                null, null);
        assertThat(view.state()).isEqualTo(shown);
        assertThat(view.stale()).isEqualTo(stale);
        assertThat(view.detail()).isEqualTo(detail);
        assertThat(view.counted()).isTrue();
        if (stale) {
            assertThat(view.staleDetail()).startsWith("no recent data from IMAP monitor since ");
        }
    }

    @Test
    void shouldCountARepeatNotAppendedAgainAsHeard() {
        CheckSilence.View view = CheckSilence.judge(check("PULL", "STALE", "3M10S"),
                record(CheckHealth.DOWN, 3600L, 7200), NOW, null, NOW.minusSeconds(60));
        assertThat(view.stale()).isFalse();
    }

    @Test
    void shouldNeverJudgeACheckBeforeItsOwnLastWord() {
        // The evaluator's clock is behind Redis's: the check was heard "after" now, so it is not silent.
        CheckSilence.View view = CheckSilence.judge(check("PUSH", "STALE", "5S"), record(CheckHealth.UP, -60L, 7200),
                NOW, null, null);
        assertThat(view.stale()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}, lost: {2} -> counted {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // a webhook with no saved state is assumed up on a first start, and not known at all after a loss
            "PUSH  | STALE | -                    | UP      | true  | false",
            "PUSH  | STALE | 2026-12-03T08:12:00Z | UNKNOWN | false | true",
            // a heartbeat and a probe are not assumed anything either way
            "PUSH  | DOWN  | 2026-12-03T08:12:00Z | UP      | true  | false",
            "PROBE | STALE | 2026-12-03T08:12:00Z | UNKNOWN | true  | false",
    })
    void shouldNotAssumeUpAWebhookCheckHeraldForgot(String kind, String silence, Instant lostAt, CheckHealth shown,
            boolean counted, boolean stale) {
        CheckSilence.View view = CheckSilence.judge(check(kind, silence, "1H"), null, NOW, lostAt, null);
        assertThat(view.state()).isEqualTo(shown);
        assertThat(view.counted()).isEqualTo(counted);
        assertThat(view.stale()).isEqualTo(stale);
        assertThat(view.staleDetail()).isEqualTo(stale
                ? "no data from IMAP monitor since Herald's live state was lost at 2026-12-03T08:12:00Z" : "");
    }
}
