package io.herald.api.problem;

import io.herald.api.db.StorageConfig;
import io.herald.api.db.StorageFailure;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problem details (docs/problems.md); no stack trace ever reaches a
 * client.
 */
public class ProblemMapper {
    private final String retryAfter;

    public ProblemMapper(StorageConfig storage) {
        this.retryAfter = Long.toString(Math.max(1, storage.retryAfter().toSeconds()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = respond(e.problem());
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return respond(Problem.of(404, "not-found", "Not found",
                "There is nothing at this address. See /q/openapi for the paths this API serves."));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return respond(Problem.of(405, "method-not-allowed", "Method not allowed",
                "This address does not accept that HTTP method; allowed: "
                        + String.join(", ", e.getResponse().getAllowedMethods()) + "."));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ProblemMapper::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        Problem problem = Problem.of(400, "invalid-request", "Invalid request", detail);
        java.util.Set<String> fields = e.getConstraintViolations().stream().map(ProblemMapper::fieldOf)
                .collect(Collectors.toSet());
        return respond(fields.size() == 1 ? problem.withField(fields.iterator().next()) : problem);
    }

    /** A JSON body of the wrong shape: the problem names the field (its JSON path). Ahead of Quarkus's own mapper. */
    @ServerExceptionMapper(priority = 1)
    public Response badJsonShape(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response badJson(com.fasterxml.jackson.databind.JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return respond(Problem.of(400, "invalid-body", "Invalid body", "The body is not the JSON object this "
                    + "endpoint expects; see /q/openapi."));
        }
        return respond(Problem.of(400, "invalid-field", "Invalid field '" + field + "'",
                "The field '" + field + "' does not have the expected type; see /q/openapi.").withField(field));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(com.fasterxml.jackson.core.JsonParseException e) {
        String message = String.valueOf(e.getOriginalMessage());
        var duplicate = java.util.regex.Pattern.compile("^Duplicate field '([^']{1,100})'").matcher(message);
        if (duplicate.find()) {
            return respond(Problem.of(400, "invalid-body", "Invalid body", "The body names the field '"
                    + duplicate.group(1) + "' more than once; send each field once."));
        }
        return respond(Problem.of(400, "invalid-body", "Invalid body", "The body is not valid JSON."));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.errorf(e, "Request failed with %d", status);
            return respond(Problem.of(status, "server-error", "Server error",
                    "The server could not answer this request; it has been logged."));
        }
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse) {
            return malformedJson(parse);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        return respond(Problem.of(status, "http-" + status, type.getReasonPhrase(),
                "The request was not accepted: " + type.getReasonPhrase().toLowerCase() + "."));
    }

    /**
     * Anything else: PostgreSQL out of reach is a 503 to retry (the current status is still served from memory);
     * everything else is a bug, logged with its stack.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (StorageFailure.unavailable(e)) {
            Log.warnf("Answered 503 storage-unavailable: PostgreSQL cannot be reached (%s)", e.getMessage());
            return Response.fromResponse(respond(Problem.of(503, "storage-unavailable", "Storage unavailable",
                    "Herald's database cannot be reached just now, so this cannot be read or changed; the current "
                            + "status (/api/v1/status, /api/v2/summary.json) is still served. Try again shortly.")))
                    .header("Retry-After", retryAfter).build();
        }
        Log.error("Unexpected error while answering a request", e);
        return respond(Problem.of(500, "server-error", "Server error",
                "The server could not answer this request; it has been logged."));
    }

    private static String describe(ConstraintViolation<?> violation) {
        return fieldOf(violation) + " " + violation.getMessage();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
