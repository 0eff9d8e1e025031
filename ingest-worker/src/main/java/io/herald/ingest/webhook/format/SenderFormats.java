package io.herald.ingest.webhook.format;

import io.herald.ingest.ByName;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/** Every {@link SenderFormat} bean by its name. */
@Singleton
public class SenderFormats {
    private final ByName<SenderFormat> byName;

    @Inject
    public SenderFormats(Instance<SenderFormat> beans) {
        this(beans.stream().toList());
    }

    public SenderFormats(Collection<? extends SenderFormat> formats) {
        this.byName = ByName.of("sender format", formats, SenderFormat::name);
    }

    /**
     * @param property the property that names it, for the error
     * @throws IllegalStateException when no format has this name; the message lists the known ones
     */
    public SenderFormat named(String name, String property) {
        return byName.find(name.trim().toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalStateException(
                property + ": '" + name + "' is not a sender format (" + String.join(", ", byName.names()) + ")"));
    }

    public Set<String> names() {
        return byName.names();
    }
}
