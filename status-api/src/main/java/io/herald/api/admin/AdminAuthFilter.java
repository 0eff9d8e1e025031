package io.herald.api.admin;

import io.herald.model.problem.Problem;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards every endpoint marked {@link RequiresScope}: 401 without a bearer token or with one that is unknown or
 * expired, 403 when the token lacks the scope (admin implies all). The caller becomes the request's {@link Actor}.
 */
public class AdminAuthFilter {
    private final TokenVerifier verifier;

    public AdminAuthFilter(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @ServerRequestFilter
    public Uni<Response> authorize(ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
        String required = required(resource);
        if (required == null) {
            return Uni.createFrom().nullItem();
        }
        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (token == null) {
            return Uni.createFrom().item(unauthorized("This endpoint needs a bearer token (Authorization: Bearer "
                    + "<token>): an API token or an operator session from POST /api/v1/auth/sessions."));
        }
        return verifier.verify(token).map(actor -> {
            if (actor == null) {
                return unauthorized("The bearer token is not valid (unknown, revoked or expired).");
            }
            // An empty scope only needs a valid token (log-out).
            if (!required.isEmpty() && !Scopes.allows(actor.scopes(), required)) {
                return problem(Problem.of(403, "forbidden", "Forbidden",
                        "This endpoint needs the scope '" + required + "' (or 'admin'); the token has: "
                                + (actor.scopes().isEmpty() ? "none" : String.join(", ", actor.scopes())) + "."));
            }
            routing.put(Actor.REQUEST_PROPERTY, actor);
            return null;
        });
    }

    private static String required(ResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null) {
            return null;
        }
        Method method = resource.getResourceMethod();
        RequiresScope onMethod = method == null ? null : method.getAnnotation(RequiresScope.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresScope onClass = resource.getResourceClass().getAnnotation(RequiresScope.class);
        return onClass == null ? null : onClass.value();
    }

    private static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(problem(Problem.of(401, "unauthorized", "Unauthorized", detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"herald\"").build();
    }

    private static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
