package io.herald.web.page;

import io.herald.http.PreparedBody;
import io.herald.web.WebConfig;
import io.herald.web.view.ViewChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.herald.web.view.Language;
import io.quarkus.qute.TemplateInstance;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Holds the home page rendered for the current view, in each language, as it is and gzip-compressed. Rendering and
 * compressing happen once per view change, on the upstream context; a request only picks prepared bytes.
 */
@ApplicationScoped
public class HomePage {
    private final WebConfig config;
    private volatile Map<Language, PreparedBody> current;
    private volatile PreparedBody unavailable;

    HomePage(WebConfig config) {
        this.config = config;
    }

    void onViewChanged(@Observes ViewChanged changed) {
        Map<Language, PreparedBody> pages = new EnumMap<>(Language.class);
        changed.views().forEach((language, view) -> pages.put(language, PreparedBody.of(
                StatusPageResource.Templates.home(view, config.pageRefreshSeconds())
                        .setAttribute(TemplateInstance.LOCALE, language.locale())
                        .render().getBytes(StandardCharsets.UTF_8))));
        current = pages;
    }

    /** The page for the current view in this language, or null while there is none yet. */
    PreparedBody current(Language language) {
        Map<Language, PreparedBody> pages = current;
        return pages == null ? null : pages.get(language);
    }

    /** The "not available yet" page; static, so rendered once on first use. */
    PreparedBody unavailable() {
        PreparedBody page = unavailable;
        if (page == null) {
            page = PreparedBody.of(StatusPageResource.Templates.unavailable(config.pageRefreshSeconds())
                    .render().getBytes(StandardCharsets.UTF_8));
            unavailable = page;
        }
        return page;
    }
}
