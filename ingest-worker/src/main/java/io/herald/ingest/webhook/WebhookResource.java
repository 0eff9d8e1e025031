package io.herald.ingest.webhook;

import io.herald.ingest.IngestConfig;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

/**
 * Deliveries from monitors: the source's auth is checked on the raw bytes, its format reads the body, and the
 * answer is 202 only once every signal is in Redis.
 */
@Path("/ingest/{source}")
@Tag(name = "Webhooks", description = "Signals pushed by monitors")
@SecurityScheme(securitySchemeName = "sourceToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The token configured (as its SHA-256) for the source in the path; a source may use basic "
                + "credentials or its sender's signature instead")
public class WebhookResource {
    private final WebhookSources sources;
    private final WebhookService service;
    private final IngestConfig config;

    public WebhookResource(WebhookSources sources, WebhookService service, IngestConfig config) {
        this.sources = sources;
        this.service = service;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "sourceToken")
    @Operation(summary = "Report checks' status",
            description = "Reads the body in the sender format configured for the source (Herald's generic JSON "
                    + "below, or a monitor's own webhook body) and appends one signal per observation whose subject "
                    + "is a check of this source (its id or one of its catalog subjects); others are listed as "
                    + "ignored. A repeated de-duplication key is acknowledged with duplicate=true and not recorded "
                    + "again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookSignal.class)))
    @APIResponse(responseCode = "202", description = "Recorded (or already recorded)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookAccepted.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token or signature, or unknown source",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than herald.ingest.max-body-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field is missing or wrong; 'field' names it (a JSON pointer, "
            + "or header:<name>)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The signal store (Redis) is unreachable; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> ingest(
            @Parameter(description = "The monitor's source name, as configured") @PathParam("source") String source,
            @Context HttpHeaders httpHeaders,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Map<String, String> headers = WebhookHeaders.of(httpHeaders);
        WebhookSource configured = sources.authorize(source, raw, headers);
        if (!isJson(contentType)) {
            throw new ProblemException(415, "Send the body as application/json"
                    + (contentType == null ? "." : ", not " + contentType + "."));
        }
        if (raw.length > config.maxBodyBytes()) {
            throw new ProblemException(413, "The body has " + raw.length + " bytes; the limit is "
                    + config.maxBodyBytes() + ".");
        }
        WebhookService.Mapped mapped = service.read(configured, raw, headers);
        return service.record(mapped)
                .map(accepted -> Response.accepted(accepted).build())
                .onFailure().transform(WebhookResource::storeUnavailable);
    }


    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return type.getType().equalsIgnoreCase("application")
                    && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase().endsWith("+json"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Throwable storeUnavailable(Throwable failure) {
        Log.warnf("Webhook signal not recorded, Redis failed: %s", failure.toString());
        return new ProblemException(Problem.ofStatus(503, "The signal store is unreachable right now; nothing was "
                + "recorded. Retry later."), Map.of("Retry-After", "5"));
    }
}
