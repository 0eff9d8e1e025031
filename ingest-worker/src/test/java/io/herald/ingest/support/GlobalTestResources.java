package io.herald.ingest.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestEnvironment} for every @QuarkusTest of this module. */
@QuarkusTestResource(TestEnvironment.class)
public final class GlobalTestResources {
    private GlobalTestResources() {
    }
}
