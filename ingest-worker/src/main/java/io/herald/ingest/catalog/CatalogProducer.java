package io.herald.ingest.catalog;

import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CatalogException;
import io.herald.model.catalog.CatalogLoader;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** Loads the catalog once at start-up; a broken catalog stops the worker with the loader's file:line message. */
@Singleton
public class CatalogProducer {

    @Produces
    @Singleton
    @Startup
    Catalog catalog(CatalogConfig config) {
        Path path = Path.of(config.path());
        try {
            Catalog catalog = CatalogLoader.load(path);
            Log.infof("Catalog %s loaded: %d components, %d checks", path.toAbsolutePath(),
                    catalog.components().size(), catalog.checks().size());
            return catalog;
        } catch (CatalogException e) {
            Log.errorf("Cannot start: %s", e.getMessage());
            throw e;
        }
    }
}
