package io.herald.model.status;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.model.ComponentStatus;
import java.util.List;

/**
 * Herald's native status document, the body of status-api's {@code GET /api/v1/status}: the page, its indicator,
 * the services with their components and why each is so, the open incidents and the maintenance shown, and the id of
 * the last change it includes (to resume the stream from).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusDocument(
        @JsonProperty("page") Page page,
        @JsonProperty("status") Indicator status,
        @JsonProperty("services") List<Service> services,
        @JsonProperty("incidents") List<Incident> incidents,
        @JsonProperty("maintenances") List<Incident> maintenances,
        @JsonProperty("last_event_id") String lastEventId,
        @JsonProperty("live") Live live) {

    /** A document whose live data is flowing. */
    public StatusDocument(Page page, Indicator status, List<Service> services, List<Incident> incidents,
            List<Incident> maintenances, String lastEventId) {
        this(page, status, services, incidents, maintenances, lastEventId, Live.FLOWING);
    }

    /**
     * Whether the document's source still hears the evaluators. When status-api has lost Redis it goes on serving
     * what it last knew, with {@code paused} true, since when, and the words a page shows ("Live updates are paused
     * since 12:02 UTC: this is the last known state").
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Live(
            @JsonProperty("paused") boolean paused,
            @JsonProperty("since") String since,
            @JsonProperty("words") String words) {
        public static final Live FLOWING = new Live(false, null, "");

        public Live {
            words = words == null ? "" : words;
        }
    }

    public StatusDocument {
        live = live == null ? Live.FLOWING : live;
    }

    /** A service of the catalog (a Statuspage component group) with its components. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") ComponentStatus status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("components") List<Component> components) {
    }

    /**
     * @param since     when the component entered its status (ISO-8601), null before its first evaluation
     * @param cause     the checks behind the status (comma separated; empty when operational)
     * @param detail    the failing checks' details in words
     * @param evaluated false while the evaluator has not judged the component yet
     * @param stale     true when the status is the last known one: a monitor behind it is silent past what it
     *                  promised, or Herald lost its live data ({@code stale_detail} says which, in words)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("description") String description,
            @JsonProperty("status") ComponentStatus status,
            @JsonProperty("status_words") String statusWords,
            @JsonProperty("since") String since,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("cause") String cause,
            @JsonProperty("detail") String detail,
            @JsonProperty("evaluated") boolean evaluated,
            @JsonProperty("stale") boolean stale,
            @JsonProperty("stale_detail") String staleDetail) {

        public Component {
            staleDetail = staleDetail == null ? "" : staleDetail;
        }

        /** A component whose status is fresh. */
        public Component(String id, String name, String description, ComponentStatus status, String statusWords,
                String since, String updatedAt, String cause, String detail, boolean evaluated) {
            this(id, name, description, status, statusWords, since, updatedAt, cause, detail, evaluated, false, "");
        }
    }
}
