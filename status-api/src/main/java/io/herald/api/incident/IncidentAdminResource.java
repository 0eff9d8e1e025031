package io.herald.api.incident;

import io.herald.api.admin.Actor;
import io.herald.api.admin.AdminApi;
import io.herald.api.admin.RequiresScope;
import io.herald.api.admin.Scopes;
import io.herald.api.http.PathIds;
import io.herald.api.read.OverlayRefresh;
import io.herald.model.problem.Problem;
import io.herald.model.status.Incident;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Operators post and edit incidents and their templates (scope incidents:write). */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequiresScope(Scopes.INCIDENTS_WRITE)
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Admin: incidents", description = "Create, update and resolve incidents (scope incidents:write)")
@APIResponse(responseCode = "401", description = "No bearer token, or one that is unknown or expired",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token lacks the scope incidents:write",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IncidentAdminResource {
    private final IncidentAdminService service;
    private final TemplateService templates;
    private final IncidentViews views;
    private final OverlayRefresh overlay;

    public IncidentAdminResource(IncidentAdminService service, TemplateService templates, IncidentViews views,
            OverlayRefresh overlay) {
        this.service = service;
        this.templates = templates;
        this.views = views;
        this.overlay = overlay;
    }

    @POST
    @Path("/incidents")
    @Operation(summary = "Open an incident")
    @APIResponse(responseCode = "201", description = "The incident",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(IncidentRequests.CreateIncident request, RoutingContext routing) {
        return answer(service.create(Actor.of(routing), request), 201);
    }

    @PATCH
    @Path("/incidents/{id}")
    @Operation(summary = "Change an incident's name, status or impact (takes an automatic incident over)")
    @APIResponse(responseCode = "200", description = "The incident",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "400", description = "A field is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No incident has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A resolved incident cannot go back to an open status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> patch(@PathParam("id") String id, IncidentRequests.PatchIncident request,
            RoutingContext routing) {
        return answer(service.patch(Actor.of(routing), PathIds.parse(id, "incident"), request), 200);
    }

    @POST
    @Path("/incidents/{id}/updates")
    @Operation(summary = "Post an update to an incident's timeline (takes an automatic incident over)")
    @APIResponse(responseCode = "201", description = "The incident with the new update first",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No incident has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A resolved incident cannot go back to an open status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> addUpdate(@PathParam("id") String id, IncidentRequests.NewUpdate request,
            RoutingContext routing) {
        return answer(service.addUpdate(Actor.of(routing), PathIds.parse(id, "incident"), request), 201);
    }

    @POST
    @Path("/incidents/{id}/resolve")
    @Operation(summary = "Resolve an incident")
    @APIResponse(responseCode = "200", description = "The resolved incident",
            content = @Content(schema = @Schema(implementation = Incident.class)))
    @APIResponse(responseCode = "404", description = "No incident has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The incident is already resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> resolve(@PathParam("id") String id, IncidentRequests.Resolve request,
            RoutingContext routing) {
        return answer(service.resolve(Actor.of(routing), PathIds.parse(id, "incident"), request), 200);
    }

    @GET
    @Path("/incident-templates")
    @Operation(summary = "The incident templates")
    @APIResponse(responseCode = "200", description = "The templates",
            content = @Content(schema = @Schema(implementation = IncidentRequests.Templates.class)))
    public Uni<IncidentRequests.Templates> listTemplates() {
        return templates.list().map(IncidentRequests.Templates::new);
    }

    @POST
    @Path("/incident-templates")
    @Operation(summary = "Add an incident template")
    @APIResponse(responseCode = "201", description = "The template",
            content = @Content(schema = @Schema(implementation = IncidentRequests.TemplateBody.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> createTemplate(IncidentRequests.Template request, RoutingContext routing) {
        return templates.create(Actor.of(routing), request)
                .map(body -> Response.status(201).entity(body).build());
    }

    @PUT
    @Path("/incident-templates/{id}")
    @Operation(summary = "Replace an incident template")
    @APIResponse(responseCode = "200", description = "The template",
            content = @Content(schema = @Schema(implementation = IncidentRequests.TemplateBody.class)))
    @APIResponse(responseCode = "404", description = "No template has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<IncidentRequests.TemplateBody> replaceTemplate(@PathParam("id") String id,
            IncidentRequests.Template request, RoutingContext routing) {
        return templates.replace(Actor.of(routing), PathIds.parse(id, "incident template"), request);
    }

    @DELETE
    @Path("/incident-templates/{id}")
    @Operation(summary = "Delete an incident template")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No template has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> deleteTemplate(@PathParam("id") String id, RoutingContext routing) {
        return templates.delete(Actor.of(routing), PathIds.parse(id, "incident template"))
                .map(ignored -> Response.noContent().build());
    }

    private Uni<Response> answer(Uni<IncidentData> change, int status) {
        return change.call(ignored -> overlay.refreshNow())
                .map(data -> Response.status(status).entity(views.body(data)).build());
    }
}
