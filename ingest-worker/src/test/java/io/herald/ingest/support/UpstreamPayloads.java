package io.herald.ingest.support;

import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A vendor's Statuspage and Microsoft Graph service health, served from their documented shapes: summary.json with
 * components and an open incident; an OAuth2 token endpoint for client credentials; healthOverviews over two pages
 * (@odata.nextLink) with Graph's varying enum casing; issues with an open Exchange incident.
 */
public final class UpstreamPayloads {
    public static final String GRAPH_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi-test-token";
    public static final AtomicInteger TOKENS_ISSUED = new AtomicInteger();
    /** Polls answered, so a test can wait for the next polls instead of for a fixed time. */
    public static final AtomicInteger SUMMARIES_SERVED = new AtomicInteger();
    public static final AtomicInteger ISSUES_SERVED = new AtomicInteger();

    private UpstreamPayloads() {
    }

    public static String statuspageSummary() {
        SUMMARIES_SERVED.incrementAndGet();
        return """
                {"page":{"id":"vnd123","name":"Contoso Mail Cloud","url":"https://status.contoso.test",
                  "time_zone":"Etc/UTC","updated_at":"2025-03-04T09:02:11.000Z"},
                 "components":[
                  {"id":"cmp-ex","name":"Exchange Online","status":"partial_outage","created_at":"2020-01-01T00:00:00Z",
                   "updated_at":"2025-03-04T09:01:00.000Z","position":1,"description":null,"showcase":true,
                   "start_date":null,"group_id":null,"page_id":"vnd123","group":false,"only_show_if_degraded":false},
                  {"id":"cmp-teams","name":"Teams","status":"operational","created_at":"2020-01-01T00:00:00Z",
                   "updated_at":"2025-03-01T00:00:00.000Z","position":2,"description":null,"showcase":true,
                   "start_date":null,"group_id":null,"page_id":"vnd123","group":false,"only_show_if_degraded":false}],
                 "incidents":[
                  {"id":"inc-77","name":"Some users cannot connect with ActiveSync","status":"identified",
                   "created_at":"2025-03-04T09:00:30Z","updated_at":"2025-03-04T09:02:11Z","monitoring_at":null,
                   "resolved_at":null,"impact":"major","shortlink":"https://stspg.io/x","started_at":"2025-03-04T09:00:00Z",
                   "page_id":"vnd123",
                   "incident_updates":[
                    {"id":"upd-2","status":"identified","body":"A front-end change is being rolled back.",
                     "incident_id":"inc-77","created_at":"2025-03-04T09:02:11Z","updated_at":"2025-03-04T09:02:11Z",
                     "display_at":"2025-03-04T09:02:11Z","affected_components":null},
                    {"id":"upd-1","status":"investigating","body":"We are investigating.","incident_id":"inc-77",
                     "created_at":"2025-03-04T09:00:30Z","updated_at":"2025-03-04T09:00:30Z",
                     "display_at":"2025-03-04T09:00:30Z","affected_components":null}],
                   "components":[{"id":"cmp-ex","name":"Exchange Online","status":"partial_outage"}]}],
                 "scheduled_maintenances":[],
                 "status":{"indicator":"major","description":"Partial System Outage"}}
                """;
    }

    public static void token(HttpServerRequest request) {
        request.setExpectMultipart(true);
        request.endHandler(done -> {
            boolean ok = "POST".equals(request.method().name())
                    && "client_credentials".equals(request.getFormAttribute("grant_type"))
                    && "herald-app".equals(request.getFormAttribute("client_id"))
                    && "graph-client-secret".equals(request.getFormAttribute("client_secret"))
                    && "https://graph.microsoft.com/.default".equals(request.getFormAttribute("scope"));
            if (!ok) {
                request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                        .end("{\"error\":\"invalid_client\"}");
                return;
            }
            TOKENS_ISSUED.incrementAndGet();
            request.response().putHeader("Content-Type", "application/json")
                    .end("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                            + GRAPH_TOKEN + "\"}");
        });
    }

    private static boolean authorized(HttpServerRequest request) {
        if (!("Bearer " + GRAPH_TOKEN).equals(request.getHeader("Authorization"))) {
            request.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .end("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token is empty.\"}}");
            return false;
        }
        return true;
    }

    public static void healthOverviews(HttpServerRequest request, String base) {
        if (!authorized(request)) {
            return;
        }
        String url = base + "/graph/v1.0/admin/serviceAnnouncement/healthOverviews";
        String body = "2".equals(request.getParam("page"))
                ? """
                  {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#admin/serviceAnnouncement/healthOverviews",
                   "value":[{"service":"Exchange Online","status":"SERVICEDEGRADATION","id":"Exchange"},
                            {"service":"Microsoft Teams","status":"serviceOperational","id":"microsoftteams"}]}
                  """
                : """
                  {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#admin/serviceAnnouncement/healthOverviews",
                   "value":[{"service":"SharePoint Online","status":"serviceOperational","id":"SharePoint"}],
                   "@odata.nextLink":"%s?page=2"}
                  """.formatted(url);
        request.response().putHeader("Content-Type", "application/json").end(body);
    }

    public static void issues(HttpServerRequest request) {
        if (!authorized(request)) {
            return;
        }
        ISSUES_SERVED.incrementAndGet();
        request.response().putHeader("Content-Type", "application/json").end("""
                {"value":[
                 {"startDateTime":"2025-03-04T09:05:00Z","endDateTime":null,"lastModifiedDateTime":"2025-03-04T09:20:00Z",
                  "title":"Users can't connect with Exchange ActiveSync","id":"EX226792","impactDescription":"Some users",
                  "classification":"incident","origin":"microsoft","status":"serviceDegradation","service":"Exchange Online",
                  "feature":"Exchange ActiveSync","featureGroup":"Mobile","isResolved":false,"highImpact":null,"details":[],
                  "posts":[]},
                 {"startDateTime":"2025-03-01T09:05:00Z","endDateTime":"2025-03-01T10:00:00Z",
                  "lastModifiedDateTime":"2025-03-01T10:00:00Z","title":"Old resolved issue","id":"EX100000",
                  "classification":"advisory","status":"serviceRestored","service":"Exchange Online","isResolved":true,
                  "posts":[]}]}
                """);
    }
}
