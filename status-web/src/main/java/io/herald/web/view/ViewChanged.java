package io.herald.web.view;

import java.util.Map;

/** CDI event fired, on the upstream context, each time the view differs from the previous one; one view per language. */
public record ViewChanged(Map<Language, StatusView> views) {

    /** The English view. */
    public StatusView view() {
        return views.get(Language.EN);
    }
}
