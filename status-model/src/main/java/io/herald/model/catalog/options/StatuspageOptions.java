package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;

/** A vendor's Statuspage {@code summary.json}; {@code component} is the vendor's component name for this check. */
public record StatuspageOptions(String url, String component) implements CheckOptions {
}
