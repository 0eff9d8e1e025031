package io.herald.ingest.heartbeat;

import io.herald.ingest.webhook.WebhookHeaders;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Beats of heartbeat checks: a job calls in each time it runs; the answer is 202 once the signal is in Redis. */
@Path("/ingest/heartbeat/{check}")
@Tag(name = "Heartbeats", description = "Jobs that call in when they run; silent past expect_every, the check is down")
@SecurityScheme(securitySchemeName = "heartbeatToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The check's own token (its token_env) or the bearer token of the webhook source it names")
public class HeartbeatResource {
    private final HeartbeatService service;

    public HeartbeatResource(HeartbeatService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "heartbeatToken")
    @Operation(summary = "Report that a job ran",
            description = "Appends one signal of the heartbeat check (source heartbeat, observed now), up unless "
                    + "status=down. The detail is the msg parameter or the text body, if any.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = "The job's words (UTF-8; tab, CR and LF but no other control character)")))
    @APIResponse(responseCode = "202", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = HeartbeatAccepted.class)))
    @APIResponse(responseCode = "400", description = "A bad status or msg parameter; 'field' names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such check in the catalog",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The check is not a heartbeat",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is longer than herald.ingest.heartbeat.max-detail",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The body is not UTF-8 text, or holds a control character",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The signal store (Redis) is unreachable; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> beat(
            @Parameter(description = "The heartbeat check's id") @PathParam("check") String check,
            @Parameter(description = "up (default) or down") @QueryParam("status") String status,
            @Parameter(description = "The job's words, instead of a body") @QueryParam("msg") String msg,
            @Context HttpHeaders httpHeaders,
            byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        return service.record(service.read(check, WebhookHeaders.of(httpHeaders), status, msg, raw))
                .map(accepted -> Response.accepted(accepted).build())
                .onFailure().transform(HeartbeatResource::storeUnavailable);
    }


    private static Throwable storeUnavailable(Throwable failure) {
        Log.warnf("Heartbeat not recorded, Redis failed: %s", failure.toString());
        return new ProblemException(Problem.ofStatus(503, "The signal store is unreachable right now; nothing was "
                + "recorded. Retry later."), Map.of("Retry-After", "5"));
    }
}
