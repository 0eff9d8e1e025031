package io.herald.ingest.probe;

import io.herald.ingest.ByName;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Every {@link CheckProbe} bean by the type it runs. */
@Singleton
public class Probes {
    private final ByName<CheckProbe> byType;

    @Inject
    public Probes(Instance<CheckProbe> beans) {
        this(beans.stream().toList());
    }

    public Probes(Collection<? extends CheckProbe> probes) {
        this.byType = ByName.of("probe", probes, CheckProbe::type);
    }

    public Optional<CheckProbe> forType(String type) {
        return byType.find(type);
    }

    public Set<String> types() {
        return byType.names();
    }
}
