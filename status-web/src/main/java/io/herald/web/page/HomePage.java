package io.herald.web.page;

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
 * Holds the home page rendered for the current view. Rendering happens once per view change, on the
 * upstream context; a request only reads the cached bytes.
 */
@ApplicationScoped
public class HomePage {
    private final WebConfig config;
    private volatile Map<Language, RenderedPage> current;
    private volatile RenderedPage unavailable;

    HomePage(WebConfig config) {
        this.config = config;
    }

    void onViewChanged(@Observes ViewChanged changed) {
        Map<Language, RenderedPage> pages = new EnumMap<>(Language.class);
        changed.views().forEach((language, view) -> {
            byte[] html = StatusPageResource.Templates.home(view, config.pageRefreshSeconds())
                    .setAttribute(TemplateInstance.LOCALE, language.locale())
                    .render().getBytes(StandardCharsets.UTF_8);
            pages.put(language, new RenderedPage(html, EntityTags.of(html)));
        });
        current = pages;
    }

    /** The page for the current view in this language, or null while there is none yet. */
    RenderedPage current(Language language) {
        Map<Language, RenderedPage> pages = current;
        return pages == null ? null : pages.get(language);
    }

    /** The "not available yet" page; static, so rendered once on first use. */
    RenderedPage unavailable() {
        RenderedPage page = unavailable;
        if (page == null) {
            byte[] html = StatusPageResource.Templates.unavailable(config.pageRefreshSeconds())
                    .render().getBytes(StandardCharsets.UTF_8);
            page = new RenderedPage(html, EntityTags.of(html));
            unavailable = page;
        }
        return page;
    }
}
