package io.herald.web.view;

import java.util.List;

/**
 * Everything the home page and the browsers' live stream show, already in words. Two equal views
 * render the same page, so a new view is published only when it differs from the last one.
 *
 * @param indicator   none, minor, major or critical, as status-api says
 * @param banner      the overall banner text ({@link BannerText})
 * @param updated     when the status last changed, as far as status-api tells
 * @param lastEventId the id of the last change folded in, null before any
 * @param staleSince  when status-api stopped answering, null while it answers
 * @param staleNotice the sentence shown while stale, null while fresh
 */
public record StatusView(
        String pageName,
        String indicator,
        String banner,
        List<ServiceView> services,
        Stamp updated,
        String lastEventId,
        Stamp staleSince,
        String staleNotice) {

    public boolean stale() {
        return staleSince != null;
    }

    public record ServiceView(
            String id,
            String name,
            String description,
            String status,
            String words,
            List<ComponentView> components) {
    }

    public record ComponentView(
            String id,
            String name,
            String description,
            String status,
            String words,
            Stamp since,
            String detail) {
    }
}
