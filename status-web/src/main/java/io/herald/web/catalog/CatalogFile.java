package io.herald.web.catalog;

import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CatalogLoader;
import io.herald.web.WebConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The catalog every Herald service reads, loaded once at start (a bad file stops start-up, as in the other services).
 * status-web takes from it only what status-api's documents do not carry: the probed checks of each component (for
 * the charts) and which components are critical (for the page indicator of a change it applies itself). Without the
 * file both are simply unknown.
 */
@ApplicationScoped
public class CatalogFile {
    private final Catalog catalog;

    CatalogFile(WebConfig config) {
        Path path = Path.of(config.catalogPath());
        if (!Files.isRegularFile(path)) {
            Log.infof("No catalog at %s: component pages show no response-time chart, and a change that makes a "
                    + "component's criticality matter is read from status-api", path.toAbsolutePath());
            catalog = null;
        } else {
            catalog = CatalogLoader.load(path);
            Log.infof("Catalog %s loaded: %d components", path, catalog.components().size());
        }
    }

    void onStart(@Observes StartupEvent event) {
        // Loaded at start, not on the first page view: a bad file must stop start-up.
        catalog().isPresent();
    }

    public Optional<Catalog> catalog() {
        return Optional.ofNullable(catalog);
    }
}
