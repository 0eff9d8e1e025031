package io.herald.web.catalog;

import io.herald.model.catalog.ComponentDef;
import io.herald.web.view.Criticality;
import jakarta.enterprise.context.ApplicationScoped;

/** The components' {@code critical} flags as the catalog declares them. */
@ApplicationScoped
public class CatalogCriticality implements Criticality {
    private final CatalogFile file;

    CatalogCriticality(CatalogFile file) {
        this.file = file;
    }

    @Override
    public Boolean critical(String componentId) {
        return file.catalog().flatMap(catalog -> catalog.component(componentId)).map(ComponentDef::critical)
                .orElse(null);
    }
}
