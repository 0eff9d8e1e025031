package io.herald.ingest.evaluate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A check that changes state more than {@code maxChanges} times within {@code window} is flapping: it holds
 * DEGRADED instead of toggling the page, and is released once its state has not changed for {@code quiet}.
 */
public record FlapDetector(int maxChanges, Duration window, Duration quiet) {

    /** The check's effective health and detail after the rule, and the flap memory to keep. */
    public record Result(CheckHealth health, String detail, FlapState flap) {
    }

    public Result apply(FlapState before, CheckHealth rawBefore, CheckHealth rawAfter, String detail, Instant now) {
        FlapState flap = before == null ? FlapState.NONE : before;
        List<Instant> changes = new ArrayList<>(flap.changes());
        Instant lastChange = flap.lastChange();
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
