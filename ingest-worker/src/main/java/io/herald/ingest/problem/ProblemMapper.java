package io.herald.ingest.problem;

import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns failures into RFC 9457 problem details; clients never see a stack trace.
 * Problems use type "about:blank", so the title is the HTTP status phrase and the detail says what to fix.
 */
public class ProblemMapper {
    private static final Map<Integer, String> TITLES = Map.of(
            400, "Bad Request", 401, "Unauthorized", 404, "Not Found", 405, "Method Not Allowed",
            406, "Not Acceptable", 413, "Content Too Large", 415, "Unsupported Media Type",
            422, "Unprocessable Content", 500, "Internal Server Error", 503, "Service Unavailable");

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder answer = answer(e.status(), e.getMessage(), e.field());
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "This address answers only application/json.";
            case 415 -> "Send the body as application/json.";
            default -> e.getMessage();
        };
        return answer(status, detail, null).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Log.errorf(e, "Unexpected failure while answering a request");
        return answer(500, "Something went wrong on our side; the failure was logged.", null).build();
    }

    private static Response.ResponseBuilder answer(int status, String detail, String field) {
        String title = TITLES.getOrDefault(status, "HTTP " + status);
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, field));
    }
}
