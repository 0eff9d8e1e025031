package io.herald.ingest.pull;

import io.herald.model.CheckOutcome;

/**
 * What an upstream status says about one check.
 *
 * @param dedupeKey the same while the upstream says the same thing, so repeated polls are recorded once
 */
public record Pulled(CheckOutcome outcome, String detail, String dedupeKey) {
}
