package io.herald.ingest.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A check that changes state more than {@code maxChanges} times within {@code window} is flapping: it holds
 * DEGRADED instead of toggling the page, and is released once its state has not changed for {@code quiet}.
 * {@code now} is Herald's clock (when a signal was received, or the evaluator's timer), never a sender's: a change
 * remembered as later than now (saved when senders' times were believed) counts as now, so it is released in time.
 */
public record FlapDetector(int maxChanges, Duration window, Duration quiet) {

    /** The check's effective health and detail after the rule, and the flap memory to keep. */
    public record Result(CheckHealth health, String detail, FlapState flap) {
    }

    public Result apply(FlapState before, CheckHealth rawBefore, CheckHealth rawAfter, String detail, Instant now) {
        FlapState flap = before == null ? FlapState.NONE : before;
        List<Instant> changes = new ArrayList<>(flap.changes().stream().map(at -> at.isAfter(now) ? now : at).toList());
        Instant lastChange = flap.lastChange() != null && flap.lastChange().isAfter(now) ? now : flap.lastChange();
        if (rawAfter != rawBefore && rawBefore != CheckHealth.UNKNOWN && rawAfter != CheckHealth.UNKNOWN) {
            changes.add(now);
            lastChange = now;
        }
        changes.removeIf(at -> at.isBefore(now.minus(window)));
        boolean flapping = flap.flapping();
        if (!flapping && changes.size() > maxChanges) {
            flapping = true;
        } else if (flapping && lastChange != null && !now.isBefore(lastChange.plus(quiet))) {
            flapping = false;
            changes.clear();
        }
        FlapState after = new FlapState(List.copyOf(changes), lastChange, flapping);
        if (!flapping) {
            return new Result(rawAfter, detail, after);
        }
        return new Result(CheckHealth.DEGRADED, "flapping (" + changes.size() + " changes in "
                + words(window) + ", now " + rawAfter.name().toLowerCase() + "): " + detail, after);
    }

    private static String words(Duration duration) {
        return duration.toMinutes() > 0 && duration.toSecondsPart() == 0 ? duration.toMinutes() + " min"
                : duration.toSeconds() + " s";
    }
}
