package io.herald.web.page;

import io.herald.web.WebConfig;
import io.herald.web.view.ViewChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;

/**
 * Holds the home page rendered for the current view. Rendering happens once per view change, on the
 * upstream context; a request only reads the cached bytes.
 */
@ApplicationScoped
public class HomePage {
    private final WebConfig config;
    private volatile RenderedPage current;
    private volatile RenderedPage unavailable;

    HomePage(WebConfig config) {
        this.config = config;
    }

    void onViewChanged(@Observes ViewChanged changed) {
        byte[] html = StatusPageResource.Templates.home(changed.view(), config.pageRefreshSeconds())
                .render().getBytes(StandardCharsets.UTF_8);
        current = new RenderedPage(html, EntityTags.of(html));
    }

    /** The page for the current view, or null while there is none yet. */
    RenderedPage current() {
        return current;
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
