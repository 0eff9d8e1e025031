package io.herald.ingest.pull;

import io.herald.ingest.ByName;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/** Every {@link CheckPull} bean by the type it pulls. */
@Singleton
public class Pulls {
    private final ByName<CheckPull> byType;

    public Pulls(Instance<CheckPull> beans) {
        this.byType = ByName.of("pull", beans.stream().toList(), CheckPull::type);
    }

    public Optional<CheckPull> forType(String type) {
        return byType.find(type);
    }

    public Set<String> types() {
        return byType.names();
    }
}
