package io.herald.ingest.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "herald.catalog")
public interface CatalogConfig {

    /** The catalog file, relative to the working directory unless absolute. */
    @WithDefault("catalog/herald.yaml")
    String path();
}
