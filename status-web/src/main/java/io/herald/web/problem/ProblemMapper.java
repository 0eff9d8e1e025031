package io.herald.web.problem;

import io.herald.model.HeraldJson;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.web.view.Language;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place errors become problem+json (docs/problems.md); a client never sees a stack trace. RESTEasy calls the mappers; the paths
 * served straight from Vert.x routes (the home page, the live channel) call {@link #methodNotAllowed}. A problem with
 * the request itself (bad input) goes to a browser as a page in words ({@link ErrorPage}), to a program that asks for
 * JSON as problem+json ({@link AnswerMedia}).
 */
public class ProblemMapper {
    private final ErrorPage errorPage;

    ProblemMapper(ErrorPage errorPage) {
        this.errorPage = errorPage;
    }

    @ServerExceptionMapper
    public Response mapProblem(ProblemException e, jakarta.ws.rs.core.HttpHeaders headers, UriInfo uri) {
        Problem problem = e.problem();
        if (!AnswerMedia.prefersProblem(headers.getHeaderString("Accept"))) {
            return errorPage.answer(problem, Language.choose(uri.getQueryParameters().getFirst("lang"),
                    headers.getHeaderString("Accept-Language")), e.headers());
        }
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(HeraldJson.write(problem)).header("Vary", "Accept");
        e.headers().forEach(response::header);
        return response.build();
    }

    /**
     * Nothing at this address (no such component, maintenance): a page in words for a browser, problem+json for a
     * program that asks for JSON, like any problem with the request; never bare text.
     */
    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    /** A page that answers HTML only, asked for JSON only: 406, as RESTEasy answers for a page that produces HTML. */
    public static void requirePage(String accept) {
        if (AnswerMedia.prefersProblem(accept)) {
            throw new NotAcceptableException();
        }
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mapWebApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return respond(Problem.ofStatus(status, detail(status)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> mapUnexpected(RuntimeException e) {
        Log.errorf(e, "Unexpected error");
        return respond(Problem.ofStatus(500, "status-web failed to answer; see its log."));
    }

    /** A Vert.x route's answer to a method it does not serve: the problem RESTEasy sends for a 405. */
    public static void methodNotAllowed(RoutingContext context, String allow) {
        Problem problem = Problem.ofStatus(405, detail(405));
        context.response().setStatusCode(405)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.ALLOW, allow)
                .end(HeraldJson.write(problem));
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "There is nothing at this address. The status page is at /.";
            case 405 -> "This address only answers GET.";
            case 406 -> "This address cannot answer in the media type asked for in Accept.";
            default -> "The request could not be served as sent.";
        };
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }
}
