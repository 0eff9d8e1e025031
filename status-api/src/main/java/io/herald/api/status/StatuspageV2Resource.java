package io.herald.api.status;

import io.herald.api.http.HttpCaching;
import io.herald.api.read.ReadModel;
import io.herald.model.status.StatuspageV2;
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

/** The Statuspage-compatible v2 reads, from the read model's precomputed bodies (no I/O, no encoding per request). */
// Precomputed bytes only: answer on the event loop, no hop to a worker thread.
@NonBlocking
@Path("/api/v2")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statuspage v2", description = "Statuspage-compatible public API")
public class StatuspageV2Resource {
    private final ReadModel readModel;
    private final HttpCaching caching;

    public StatuspageV2Resource(ReadModel readModel, HttpCaching caching) {
        this.readModel = readModel;
        this.caching = caching;
    }

    @GET
    @Path("/summary.json")
    @Operation(summary = "Page, components, open incidents, active maintenance and the page status")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = StatuspageV2.Summary.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response summary(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().summary());
    }

    @GET
    @Path("/status.json")
    @Operation(summary = "The page status: indicator (none, minor, major, critical) and its description")
    @APIResponse(responseCode = "200", description = "The page status",
            content = @Content(schema = @Schema(implementation = StatuspageV2.StatusBody.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response status(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().status());
    }

    @GET
    @Path("/components.json")
    @Operation(summary = "Every component; services appear as groups listing their components")
    @APIResponse(responseCode = "200", description = "The components",
            content = @Content(schema = @Schema(implementation = StatuspageV2.ComponentsBody.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response components(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().components());
    }

    @GET
    @Path("/incidents.json")
    @Operation(summary = "The 50 most recent incidents, any status, newest first")
    @APIResponse(responseCode = "200", description = "The page and the list",
            content = @Content(schema = @Schema(implementation = StatuspageV2.IncidentsBody.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response incidents(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().incidents());
    }

    @GET
    @Path("/incidents/unresolved.json")
    @Operation(summary = "Incidents not yet resolved, newest first")
    @APIResponse(responseCode = "200", description = "The page and the list",
            content = @Content(schema = @Schema(implementation = StatuspageV2.IncidentsBody.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response unresolvedIncidents(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().unresolvedIncidents());
    }

    @GET
    @Path("/scheduled-maintenances.json")
    @Operation(summary = "The 50 most recent scheduled maintenances")
    @APIResponse(responseCode = "200", description = "The page and the list",
            content = @Content(schema = @Schema(implementation = StatuspageV2.MaintenancesBody.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response maintenances(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().maintenances());
    }

    @GET
    @Path("/scheduled-maintenances/upcoming.json")
    @Operation(summary = "Scheduled maintenances that have not started (status scheduled)")
    @APIResponse(responseCode = "200", description = "The page and the list",
            content = @Content(schema = @Schema(implementation = StatuspageV2.MaintenancesBody.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response upcomingMaintenances(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().upcomingMaintenances());
    }

    @GET
    @Path("/scheduled-maintenances/active.json")
    @Operation(summary = "Scheduled maintenances in progress or verifying")
    @APIResponse(responseCode = "200", description = "The page and the list",
            content = @Content(schema = @Schema(implementation = StatuspageV2.MaintenancesBody.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    public Response activeMaintenances(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return caching.respond(ifNoneMatch, readModel.page().activeMaintenances());
    }
}
