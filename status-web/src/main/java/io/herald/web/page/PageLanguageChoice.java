package io.herald.web.page;

import io.herald.web.view.Language;

/** The language a page is served in: ?lang= when it names one, else the best match of Accept-Language. */
public final class PageLanguageChoice {
    private PageLanguageChoice() {
    }

    public static Language of(String lang, String acceptLanguage) {
        Language chosen = Language.ofTag(lang);
        return chosen != null ? chosen : Language.fromAcceptLanguage(acceptLanguage);
    }
}
