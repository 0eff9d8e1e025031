package io.herald.web.view;

import io.herald.model.status.Incident;
import io.herald.model.status.Indicator;
import io.herald.model.status.PageIndicator;
import io.herald.model.status.StatusDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The page indicator of a status document, by status-api's own rule ({@link PageIndicator}): the components with the
 * status they show, and the open incidents' impacts. The catalog's critical flags only matter in a major outage of
 * some components; when one of them is not known and would change the answer, there is no answer.
 */
final class DocumentIndicator {
    private DocumentIndicator() {
    }

    /** @return empty when a component has no status, or when the answer depends on a criticality not known */
    static Optional<Indicator> of(StatusDocument doc, Criticality criticality) {
        List<PageIndicator.Input> known = new ArrayList<>();
        List<PageIndicator.Input> unknownAsCritical = new ArrayList<>();
        boolean anyUnknown = false;
        for (StatusDocument.Service service : doc.services()) {
            for (StatusDocument.Component component : nullToEmpty(service.components())) {
                if (component.status() == null) {
                    return Optional.empty();
                }
                Boolean critical = criticality.critical(component.id());
                anyUnknown |= critical == null;
                known.add(new PageIndicator.Input(component.status(), Boolean.TRUE.equals(critical)));
                unknownAsCritical.add(new PageIndicator.Input(component.status(), critical == null || critical));
            }
        }
        List<String> impacts = nullToEmpty(doc.incidents()).stream().map(Incident::impact).toList();
        Indicator indicator = PageIndicator.of(known, impacts);
        if (anyUnknown && !indicator.equals(PageIndicator.of(unknownAsCritical, impacts))) {
            return Optional.empty();
        }
        return Optional.of(indicator);
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
