package io.herald.web.view;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything the home page and the browsers' live stream show, already in words, in one language. Two equal
 * views render the same page, so a new view is published only when it differs from the last one.
 *
 * @param lang         the language tag the words are in (en, fr)
 * @param timeZone     the page's time zone, in which times are written
 * @param pageUrl      the page's public URL (links in feeds and embeds), without a trailing slash
 * @param indicator    none, minor, major or critical, as status-api says
 * @param banner       the overall banner text ({@link BannerText})
 * @param updated      when the status last changed, as far as status-api tells
 * @param lastEventId  the id of the last change folded in, null before any
 * @param staleSince   when status-api stopped answering, null while it answers
 * @param staleNotice  the sentence shown while what the page shows is the last known state (status-api unreachable,
 *                     or its live updates paused), null otherwise
 * @param livePaused   status-api serves its last known state (it lost its live data), as its document says
 * @param incidents    unresolved incidents, newest first
 * @param maintenances upcoming and in-progress maintenance, soonest first
 * @param uptimeKnown  whether status-api served the 90-day uptime (the bars are shown only then)
 */
public record StatusView(
        String lang,
        String timeZone,
        String pageUrl,
        String pageName,
        String indicator,
        String banner,
        List<ServiceView> services,
        Stamp updated,
        String lastEventId,
        Stamp staleSince,
        String staleNotice,
        boolean livePaused,
        List<IncidentView> incidents,
        List<IncidentView> maintenances,
        boolean uptimeKnown) {

    public boolean stale() {
        return staleSince != null;
    }

    /** The component with this id, or null. */
    public ComponentView component(String id) {
        for (ServiceView service : services) {
            for (ComponentView component : service.components()) {
                if (component.id().equals(id)) {
                    return component;
                }
            }
        }
        return null;
    }

    public record ServiceView(
            String id,
            String name,
            String description,
            String status,
            String words,
            List<ComponentView> components) {
    }

    /**
     * @param stale      the status is the last known one (a monitor behind it is silent, or Herald lost its live data)
     * @param staleWords what the page shows beside the status while stale ("Last known status: no recent data from
     *                   ..."), null while fresh; both are left out of the live channel's JSON while fresh
     * @param uptime     the 90-day bar; not sent to browsers (it changes at most once per change, with a reload-free
     *                   page it is left as served)
     */
    public record ComponentView(
            String id,
            String name,
            String description,
            String status,
            String words,
            Stamp since,
            String detail,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean stale,
            @JsonInclude(JsonInclude.Include.NON_NULL) String staleWords,
            @JsonIgnore UptimeView uptime) {
    }

    /** @param percent the whole window's uptime in words ("99.87 %"), null when unknown */
    public record UptimeView(String percent, List<DayView> days) {
    }

    /**
     * One day of the bar.
     *
     * @param status the worst status of the day, "none" when there is no data
     * @param text   the first line of its description ("26 Nov 2026: 99.85 % uptime")
     * @param lines  further lines: time in each status other than operational, then its incidents
     */
    public record DayView(String date, String status, String text, List<String> lines, List<IncidentRef> incidents) {
    }

    public record IncidentRef(String id, String name) {
    }

    /**
     * An incident or a maintenance (which then has scheduledFor and scheduledUntil).
     *
     * @param latest   the newest update, null when there is none
     * @param duration how long it lasted, in words; null while it goes on
     */
    public record IncidentView(
            String id,
            String name,
            String status,
            String statusWords,
            String impact,
            String impactWords,
            Stamp started,
            Stamp resolved,
            Stamp scheduledFor,
            Stamp scheduledUntil,
            List<String> components,
            UpdateView latest,
            List<UpdateView> updates,
            String duration) {
    }

    public record UpdateView(String status, String statusWords, String body, Stamp at, List<String> changes) {
    }
}
