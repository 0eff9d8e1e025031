package io.herald.api.catalog;

import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CatalogLoader;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Loads the catalog once at start-up. A {@link io.herald.model.catalog.CatalogException} propagates and stops
 * start-up, and its message names the file and the line to fix.
 */
public class CatalogProducer {

    @Produces
    @Singleton
    @Startup
    LoadedCatalog catalog(CatalogConfig config) {
        Path path = Path.of(config.path());
        Catalog catalog = CatalogLoader.load(path);
        Log.infof("Catalog %s loaded: %d services, %d components", path.toAbsolutePath().normalize(),
                catalog.services().size(), catalog.components().size());
        return new LoadedCatalog(catalog, declaredAt(path));
    }

    @Produces
    @Singleton
    Catalog plainCatalog(LoadedCatalog loaded) {
        return loaded.catalog();
    }

    // The file's modification time stands for "when the components were declared" (Statuspage's created_at):
    // it is stable across restarts, so the ETags of unchanged data stay the same.
    private static Instant declaredAt(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
