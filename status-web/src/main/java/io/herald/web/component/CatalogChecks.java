package io.herald.web.component;

import io.herald.model.catalog.CheckDef;
import io.herald.web.catalog.CatalogFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The probed checks of each component, from the catalog every Herald service reads: a component page draws the
 * response times of these. Without a catalog file the component pages simply have no chart.
 */
@ApplicationScoped
public class CatalogChecks {
    private final CatalogFile file;

    CatalogChecks(CatalogFile file) {
        this.file = file;
    }

    /** The checks of this component that are probed (and so have a response time), in catalog order. */
    public List<CheckDef> probed(String componentId) {
        return file.catalog().flatMap(catalog -> catalog.component(componentId))
                .map(c -> c.checks().stream().filter(check -> check.type().isProbe()).toList())
                .orElse(List.of());
    }
}
