package io.herald.ingest.support.types;

import io.herald.ingest.probe.CheckProbe;
import io.herald.ingest.probe.ProbeResult;
import io.herald.model.catalog.CheckDef;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

/** Runs {@code test-silent} checks: a run that never ends, so the scheduler never starts another one. */
@Singleton
public class SilentProbe implements CheckProbe {
    @Override
    public String type() {
        return "test-silent";
    }

    @Override
    public Uni<ProbeResult> probe(CheckDef check) {
        return Uni.createFrom().nothing();
    }
}
