package io.herald.web.view;

/** What every page shows around its content: the page's name, its language and its time zone. */
public record SiteView(String pageName, String lang, String timeZone) {

    public static SiteView of(StatusView view) {
        return new SiteView(view.pageName(), view.lang(), view.timeZone());
    }
}
