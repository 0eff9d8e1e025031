package io.herald.ingest.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.CheckOutcome;
import io.herald.model.Signal;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rules of one check applied in order, for a new signal and for time passing, without Redis. */
class CheckRulesTest {
    private static final CheckRules RULES = new CheckRules(new FlapDetector(4, Duration.ofMinutes(15),
            Duration.ofMinutes(10)), new SignalTiming(Duration.ofMinutes(5)));
    private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
    private static final CheckDef WEBHOOK = new CheckDef("imap-monitor", "IMAP monitor",
            new CheckType("webhook", CheckType.Kind.PUSH), "imap", Duration.ofSeconds(30), Duration.ofSeconds(10), 1, 1,
            null, 1, null, null);
    private static final CheckDef PROBE = new CheckDef("imap-probe", "IMAP",
            new CheckType("imap", CheckType.Kind.PROBE), "imap", Duration.ofSeconds(30), Duration.ofSeconds(10), 1, 1,
            null, 2, null, Duration.ofSeconds(100));

    /** The stream id of an entry received {@code seconds} after T0. */
    private static String entry(long seconds) {
        return T0.plusSeconds(seconds).toEpochMilli() + "-0";
    }

    private static Signal signal(CheckOutcome outcome, String detail, Instant observedAt, String location) {
        return new Signal(detail, "m", "c", outcome, null, detail, observedAt, location);
    }

    private static CheckRecord apply(CheckDef check, CheckRecord before, Signal signal, String entryId) {
        return RULES.apply(check, before, signal, entryId).record();
    }

    @Test
    void shouldCountADownTakenOverAfterTheUpThatFollowedItWithoutApplyingIt() {
        CheckRecord up = apply(WEBHOOK, null, signal(CheckOutcome.UP, "up", T0.plusSeconds(2), null), entry(2));

        CheckRules.Applied down = RULES.apply(WEBHOOK, up, signal(CheckOutcome.DOWN, "down", T0.plusSeconds(1), null),
                entry(1));

        assertThat(down.superseded()).isTrue();
        assertThat(down.record().state()).isEqualTo(CheckHealth.UP);
        assertThat(down.record().locations()).isEqualTo(up.locations());
        assertThat(down.record().count()).isEqualTo(1);
        assertThat(down.record().superseded()).isEqualTo(1);
        assertThat(down.record().alreadyApplied(entry(1))).as("a redelivery is not counted twice").isTrue();
    }

    @Test
    void shouldMeasureTimeFromReceiptAndRecordWhenTheCheckWasHeard() {
        CheckRecord record = apply(WEBHOOK, null, signal(CheckOutcome.DOWN, "down",
                Instant.parse("9999-12-31T23:59:59Z"), null), entry(5));

        assertThat(record.heard()).isEqualTo(T0.plusSeconds(5));
        assertThat(record.since()).isEqualTo(T0.plusSeconds(5));
        assertThat(record.flap().lastChange()).isEqualTo(T0.plusSeconds(5));
        assertThat(record.locations().get("").observedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(record.detail()).isEqualTo("down (the sender's time 9999-12-31T23:59:59Z was ahead of Herald's "
                + "clock; the time received is used)");
    }

    @Test
    void shouldDropASilentLocationFromTheQuorumWhenTimePasses() {
        CheckRecord record = apply(PROBE, null, signal(CheckOutcome.DOWN, "paris", T0, "paris"), entry(0));
        record = apply(PROBE, record, signal(CheckOutcome.DOWN, "lyon", T0.plusSeconds(60), "lyon"), entry(60));
        record = apply(PROBE, record, signal(CheckOutcome.UP, "nantes", T0.plusSeconds(60), "nantes"),
                T0.plusSeconds(60).toEpochMilli() + "-1");
        assertThat(record.state()).isEqualTo(CheckHealth.DOWN);

        assertThat(RULES.at(PROBE, record, T0.plusSeconds(100))).as("nothing changed yet").isSameAs(record);
        CheckRecord later = RULES.at(PROBE, record, T0.plusSeconds(101));

        assertThat(later.state()).isEqualTo(CheckHealth.UP);
        assertThat(later.detail()).isEqualTo("down only from lyon (1 of 2 locations, quorum 2): lyon");
        assertThat(RULES.at(PROBE, later, T0.plusSeconds(102))).as("judged again: the same").isSameAs(later);
    }

    @Test
    void shouldReleaseAFlappingCheckWhenItsQuietPeriodPassesWithoutASignal() {
        CheckRecord record = null;
        for (int i = 0; i < 6; i++) {
            record = apply(WEBHOOK, record, signal(i % 2 == 0 ? CheckOutcome.DOWN : CheckOutcome.UP, "alert " + i,
                    T0.plusSeconds(i), null), entry(i));
        }
        assertThat(record.state()).isEqualTo(CheckHealth.DEGRADED);
        assertThat(RULES.at(WEBHOOK, record, T0.plusSeconds(5).plus(Duration.ofMinutes(9))).state())
                .isEqualTo(CheckHealth.DEGRADED);

        CheckRecord released = RULES.at(WEBHOOK, record, T0.plusSeconds(5).plus(Duration.ofMinutes(10)));

        assertThat(released.state()).isEqualTo(CheckHealth.UP);
        assertThat(released.flap().flapping()).isFalse();
        assertThat(released.detail()).isEqualTo("alert 5");
    }
}
