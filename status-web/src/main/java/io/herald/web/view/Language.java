package io.herald.web.view;

import java.util.Locale;

/** The languages the pages are written in; the first is the default. */
public enum Language {
    EN(Locale.ENGLISH, Wording.ENGLISH),
    FR(Locale.FRENCH, Wording.FRENCH);

    private final Locale locale;
    private final Wording wording;

    Language(Locale locale, Wording wording) {
        this.locale = locale;
        this.wording = wording;
    }

    public String tag() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    public Wording wording() {
        return wording;
    }

    /**
     * The best language for an Accept-Language header (RFC 9110 weights; "fr-CA" matches fr), English when
     * nothing matches or the header is absent.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return EN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String wanted = range.getRange();
                for (Language language : values()) {
                    if (wanted.equals(language.tag()) || wanted.startsWith(language.tag() + "-")) {
                        return language;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
        return EN;
    }

    /** The language a page is served in: the one ?lang= names, else the best match of Accept-Language. */
    public static Language choose(String lang, String acceptLanguage) {
        Language chosen = ofTag(lang);
        return chosen != null ? chosen : fromAcceptLanguage(acceptLanguage);
    }

    /** A language by its tag (en, fr), or null. */
    public static Language ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag().equals(tag)) {
                return language;
            }
        }
        return null;
    }
}
