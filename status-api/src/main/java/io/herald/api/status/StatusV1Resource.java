package io.herald.api.status;

import io.herald.api.http.HttpCaching;
import io.herald.api.read.ReadModel;
import io.herald.model.status.StatusDocument;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Herald's native current status, with causes and details, served from the read model's precomputed body. */
// Precomputed bytes only: answer on the event loop, no hop to a worker thread.
@NonBlocking
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "Herald's native status API")
public class StatusV1Resource {
    private final ReadModel readModel;
    private final HttpCaching caching;

    public StatusV1Resource(ReadModel readModel, HttpCaching caching) {
        this.readModel = readModel;
        this.caching = caching;
    }

    @GET
    @Operation(summary = "The page status, every service and component with its cause and detail, and the id "
            + "of the last change applied (to resume /api/v1/stream from)")
    @APIResponse(responseCode = "200", description = "The current status",
            content = @Content(schema = @Schema(implementation = StatusDocument.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response status(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().nativeStatus());
    }
}
