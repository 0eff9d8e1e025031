package io.herald.ingest.problem;

import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns failures into RFC 9457 problem details (docs/problems.md); clients never see a stack
 * trace. The detail says what to fix.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder answer = answer(e.problem());
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
        return answer(Problem.ofStatus(status, detail)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Log.errorf(e, "Unexpected failure while answering a request");
        return answer(Problem.ofStatus(500, "Something went wrong on our side; the failure was logged.")).build();
    }

    private static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
