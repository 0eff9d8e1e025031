package io.herald.api.subscriber;

import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public sign-up: webhooks get their secret at once, mail addresses a confirmation link (double opt-in). */
@Path("/api/v1/subscribers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscribers", description = "Being told about incidents, maintenance and status changes")
public class SubscribeResource {
    private static final String NO_STORE = "no-store";
    private final SubscriberService service;
    private final io.herald.api.http.RateLimiter limiter;
    private final io.herald.model.RedisKeys keys;
    private final SubscriberConfig config;
    private final ReactiveMailer mailer;
    private final MailComposer mails;

    public SubscribeResource(SubscriberService service, io.herald.api.http.RateLimiter limiter,
            io.herald.model.RedisKeys keys, SubscriberConfig config, ReactiveMailer mailer, MailComposer mails) {
        this.service = service;
        this.limiter = limiter;
        this.keys = keys;
        this.config = config;
        this.mailer = mailer;
        this.mails = mails;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a webhook URL or a mail address",
            description = "A webhook is active at once; its signing secret is in this answer only. A mail address "
                    + "gets a confirmation link and hears nothing until it is opened.")
    @APIResponse(responseCode = "201", description = "Webhook subscribed; keep the secret",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "202", description = "Confirmation mail sent",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "This target is subscribed already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field is not acceptable; the detail names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many requests from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The confirmation mail could not be sent; try again later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> subscribe(SubscribeRequest request, @Context HttpServerRequest http) {
        String clientIp = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        // A token bucket per client IP, shared by every replica.
        return limiter.take(keys.subscribeRate(clientIp), config.rateLimit().burst(), config.rateLimit().perMinute())
                .flatMap(waitMillis -> {
            if (waitMillis > 0) {
                long seconds = io.herald.api.http.RateLimiter.seconds(waitMillis);
                return Uni.createFrom().item(Response.status(429).type(Problem.MEDIA_TYPE)
                        .header("Retry-After", seconds).header("Cache-Control", NO_STORE)
                        .entity(Problem.of(429, "too-many-requests", "Too many requests",
                                "Too many subscribe requests from this address; try again in " + seconds + " s."))
                        .build());
            }
            if (request == null) {
                throw SubscriberService.unprocessable("kind", "is required (send a JSON body)");
            }
            return service.subscribe(request, null).flatMap(this::answer);
        });
    }

    private Uni<Response> answer(SubscriberService.Created created) {
        Subscriber subscriber = created.subscriber();
        String unsubscribeUrl = created.unsubscribeToken() == null ? null
                : mails.link("unsubscribe", created.unsubscribeToken());
        if (created.confirmToken() == null) {
            return Uni.createFrom().item(Response.status(201).header("Cache-Control", NO_STORE)
                    .entity(SubscriptionView.of(subscriber, created.secret(), unsubscribeUrl)).build());
        }
        // The mail's own unsubscribe link: a token made for it, so that only hashes are kept.
        String mailUnsubscribe = created.unsubscribeToken() != null ? created.unsubscribeToken() : Tokens.newToken();
        Uni<Void> link = created.unsubscribeToken() != null ? Uni.createFrom().voidItem()
                : service.addUnsubscribeLink(Tokens.sha256(mailUnsubscribe), subscriber.id());
        return link.flatMap(ignored -> mailer.send(mails.confirmation(subscriber.target(), created.confirmToken(),
                        mailUnsubscribe)))
                .map(ignored -> Response.status(202).header("Cache-Control", NO_STORE)
                        .entity(SubscriptionView.of(subscriber, null, unsubscribeUrl)).build())
                .onFailure(failure -> !(failure instanceof ProblemException)).recoverWithUni(failure -> {
                    Log.warnf("Could not send the confirmation mail for subscriber %d: %s", subscriber.id(),
                            failure.getMessage());
                    // A sign-up made by this request is undone; one asked again before keeps its row.
                    Uni<Void> undo = created.unsubscribeToken() == null ? Uni.createFrom().voidItem()
                            : service.forgetNew(subscriber.id());
                    return undo.replaceWith(Uni.createFrom().<Response>failure(new ProblemException(Problem.of(503,
                            "mail-unavailable", "Mail unavailable", "The confirmation mail could not be sent just now; "
                                    + "ask again in a few minutes."))));
                });
    }

    @GET
    @Path("/confirm")
    @Operation(summary = "Confirm a mail subscription (the link in the confirmation mail)")
    @APIResponse(responseCode = "200", description = "Confirmed")
    @APIResponse(responseCode = "404", description = "No subscription waits for this token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> confirm(@Parameter(description = "The token from the mail") @QueryParam("token") String token) {
        return service.confirm(token).map(confirmed -> {
            if (!confirmed) {
                throw ProblemException.notFound("No subscription waits for this confirmation link; it was used "
                        + "already or replaced by a newer one.");
            }
            return Response.ok(Map.of("confirmed", true, "detail", "You will now be told about this status page."))
                    .header("Cache-Control", NO_STORE).build();
        });
    }

    @GET
    @Path("/unsubscribe")
    @Operation(summary = "Unsubscribe (the link in every mail)")
    @APIResponse(responseCode = "200", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No subscription has this token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> unsubscribe(@Parameter(description = "The token from a mail or the subscribe answer")
            @QueryParam("token") String token) {
        return service.unsubscribe(token).map(done -> {
            if (!done) {
                throw ProblemException.notFound("No subscription has this unsubscribe link.");
            }
            return Response.ok(Map.of("unsubscribed", true, "detail", "You will not be told anything more."))
                    .header("Cache-Control", NO_STORE).build();
        });
    }

    @POST
    @Path("/unsubscribe")
    @Operation(summary = "Unsubscribe in one click (RFC 8058 List-Unsubscribe-Post)")
    @APIResponse(responseCode = "200", description = "Unsubscribed")
    @APIResponse(responseCode = "404", description = "No subscription has this token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> unsubscribeOneClick(@Parameter(description = "The token from a mail or the subscribe answer")
            @QueryParam("token") String token) {
        return unsubscribe(token);
    }
}
