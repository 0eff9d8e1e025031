package io.herald.ingest.support.types;

import io.herald.model.catalog.CheckOptions;

/** The options of a test type that has nothing of its own to configure. */
public record NoOptions() implements CheckOptions {
}
