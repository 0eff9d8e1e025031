package io.herald.ingest;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Beans of one kind (sender formats, probes, pulls) keyed by their wire name, collected once at start-up: two beans
 * with one name stop start-up, and a lookup that fails can list the names there are.
 */
public final class ByName<T> {
    private final Map<String, T> beans;

    private ByName(Map<String, T> beans) {
        this.beans = Collections.unmodifiableMap(beans);
    }

    /** @param what the kind of bean, for the start-up error ("sender format") */
    public static <T> ByName<T> of(String what, Iterable<? extends T> beans, Function<T, String> name) {
        Map<String, T> byName = new TreeMap<>();
        for (T bean : beans) {
            T other = byName.putIfAbsent(name.apply(bean), bean);
            if (other != null) {
                throw new IllegalStateException("two " + what + "s are named '" + name.apply(bean) + "': "
                        + other.getClass().getName() + " and " + bean.getClass().getName());
            }
        }
        return new ByName<>(byName);
    }

    public Optional<T> find(String name) {
        return Optional.ofNullable(beans.get(name));
    }

    /** The names, sorted. */
    public Set<String> names() {
        return beans.keySet();
    }
}
