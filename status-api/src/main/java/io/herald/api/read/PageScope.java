package io.herald.api.read;

import io.herald.model.catalog.ComponentDef;
import io.herald.model.catalog.PageInfo;
import io.herald.model.catalog.ServiceDef;
import java.util.List;

/** A page the read model renders: the page itself and the services it shows, in their order. */
record PageScope(PageInfo info, List<ServiceDef> services) {

    List<ComponentDef> components() {
        return services.stream().flatMap(s -> s.components().stream()).toList();
    }
}
