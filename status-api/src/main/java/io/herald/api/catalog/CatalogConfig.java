package io.herald.api.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the catalog file lives; relative paths resolve against the working directory. */
@ConfigMapping(prefix = "herald.catalog")
public interface CatalogConfig {

    /** The catalog YAML file (env HERALD_CATALOG_PATH). */
    @WithDefault("catalog/herald.yaml")
    String path();
}
