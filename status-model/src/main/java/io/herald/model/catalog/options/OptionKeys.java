package io.herald.model.catalog.options;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds a type's key set from shared groups (such as the trust keys) and its own keys. */
final class OptionKeys {

    private OptionKeys() {
    }

    static Set<String> of(Set<String> shared, String... own) {
        Set<String> all = new HashSet<>(shared);
        all.addAll(List.of(own));
        return Set.copyOf(all);
    }
}
