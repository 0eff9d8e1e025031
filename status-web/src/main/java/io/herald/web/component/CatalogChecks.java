package io.herald.web.component;

import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CatalogLoader;
import io.herald.model.catalog.CheckDef;
import io.herald.web.WebConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The probed checks of each component, from the catalog every Herald service reads: a component page draws the
 * response times of these. Without a catalog file the component pages simply have no chart.
 */
@ApplicationScoped
public class CatalogChecks {
    private final WebConfig config;
    private volatile Catalog catalog;

    CatalogChecks(WebConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Path path = Path.of(config.catalogPath());
        if (!Files.isRegularFile(path)) {
            Log.infof("No catalog at %s: component pages show no response-time chart", path.toAbsolutePath());
            return;
        }
        catalog = CatalogLoader.load(path);
        Log.infof("Catalog %s loaded: %d probed checks", path, probed().size());
    }

    /** The checks of this component that are probed (and so have a response time), in catalog order. */
    public List<CheckDef> probed(String componentId) {
        Catalog loaded = catalog;
        if (loaded == null) {
            return List.of();
        }
        return loaded.component(componentId).map(c -> c.checks().stream().filter(check -> check.type().isProbe())
                .toList()).orElse(List.of());
    }

    private List<CheckDef> probed() {
        return catalog.checks().values().stream().filter(check -> check.type().isProbe()).toList();
    }
}
