package io.herald.api.catalog;

import io.herald.model.catalog.Catalog;
import java.time.Instant;

/**
 * The catalog and when it was declared.
 *
 * @param declaredAt the catalog file's modification time, used as the components' created_at
 */
public record LoadedCatalog(Catalog catalog, Instant declaredAt) {
}
