package io.herald.api.subscriber;

import io.herald.api.admin.Actor;
import io.herald.api.admin.AuditLog;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.model.catalog.Catalog;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Subscribing, confirming and unsubscribing: the rules on targets and the writes. */
@ApplicationScoped
public class SubscriberService {
    private final SubscriberRepository repository;
    private final Catalog catalog;
    private final SubscriberConfig config;
    private final Vertx vertx;
    private final AuditLog audit;

    public SubscriberService(SubscriberRepository repository, Catalog catalog, SubscriberConfig config, Vertx vertx,
            AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
        this.catalog = catalog;
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * What subscribing produced. confirmToken is set when a confirmation mail must be sent; resent tells that an
     * unconfirmed address asked again.
     */
    public record Created(Subscriber subscriber, String secret, String unsubscribeToken, String confirmToken) {
    }

    /**
     * Checks the request and stores the subscriber. operator null: a public request (mail addresses wait for their
     * confirmation); otherwise the operator who subscribes a team, confirmed at once and audited.
     */
    public Uni<Created> subscribe(SubscribeRequest request, Actor operator) {
        SubscriberKind kind = SubscriberKind.fromWire(request.kind() == null ? "" : request.kind().trim())
                .orElseThrow(() -> unprocessable("kind", "must be 'webhook' or 'email'"));
        List<String> components = checkComponents(request.components());
        boolean componentChanges = Boolean.TRUE.equals(request.componentChanges());
        if (kind == SubscriberKind.EMAIL) {
            String address = request.email() == null ? null : request.email().trim();
            TargetRules.checkEmail(address).ifPresent(reason -> {
                throw unprocessable("email", reason);
            });
            return store(kind, address, components, componentChanges, operator);
        }
        String url = request.url() == null ? null : request.url().trim();
        TargetRules.checkWebhookUrl(url).ifPresent(reason -> {
            throw unprocessable("url", reason);
        });
        return checkResolvesPublic(URI.create(url).getHost())
                .flatMap(ignored -> store(kind, url, components, componentChanges, operator));
    }

    @WithTransaction
    Uni<Created> store(SubscriberKind kind, String target, List<String> components, boolean componentChanges,
            Actor operator) {
        boolean needsConfirmation = kind == SubscriberKind.EMAIL && operator == null;
        String confirmToken = needsConfirmation ? Tokens.newToken() : null;
        String unsubscribeToken = Tokens.newToken();
        String secret = kind == SubscriberKind.WEBHOOK ? Tokens.newWebhookSecret() : null;
        NewSubscriber row = new NewSubscriber(kind, target, components, componentChanges, !needsConfirmation,
                confirmToken == null ? null : Tokens.sha256(confirmToken), Tokens.sha256(unsubscribeToken), secret,
                operator == null ? null : operator.name());
        return repository.insert(row).flatMap(id -> {
            if (id > 0) {
                return repository.findById(id)
                        .map(stored -> new Created(stored.orElseThrow(), secret, unsubscribeToken, confirmToken))
                        .call(created -> operator == null ? Uni.createFrom().voidItem()
                                : audit.record(operator, "subscriber.create", "subscriber:" + id, null,
                                        SubscriptionView.of(created.subscriber(), null, null)));
            }
            return repository.findActiveByTarget(kind, target).flatMap(existing -> {
                Subscriber other = existing.orElseThrow(() -> new IllegalStateException("insert refused for " + kind));
                if (needsConfirmation && !other.confirmed()) {
                    // Asked again before confirming (the first mail got lost): a new link replaces the old one.
                    String again = Tokens.newToken();
                    return repository.replaceConfirmToken(other.id(), Tokens.sha256(again))
                            .map(ignored -> new Created(other, null, null, again));
                }
                throw new ProblemException(Problem.of(409, "already-subscribed", "Already subscribed",
                        "This " + (kind == SubscriberKind.EMAIL ? "address" : "URL")
                                + " is subscribed already; unsubscribe it first to change what it hears about."));
            });
        });
    }

    @WithTransaction
    public Uni<Boolean> confirm(String token) {
        return token == null || token.isBlank() ? Uni.createFrom().item(false)
                : repository.confirm(Tokens.sha256(token.trim()));
    }

    @WithTransaction
    public Uni<Boolean> unsubscribe(String token) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().item(false);
        }
        return repository.findByUnsubscribeHash(Tokens.sha256(token.trim())).flatMap(id -> id.isEmpty()
                ? Uni.createFrom().item(false)
                : repository.unsubscribe(id.get(), "unsubscribed by the subscriber").replaceWith(true));
    }

    @WithTransaction
    public Uni<Boolean> delete(Actor operator, long id) {
        return repository.findById(id).flatMap(found -> found.isEmpty() ? Uni.createFrom().item(false)
                : repository.delete(id).call(() -> audit.record(operator, "subscriber.delete", "subscriber:" + id,
                        SubscriptionView.of(found.get(), null, null), null)));
    }

    /** A new mail sign-up whose confirmation mail could not be sent: removed, so a refused sign-up keeps nothing. */
    @WithTransaction
    public Uni<Void> forgetNew(long id) {
        return repository.delete(id).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> addUnsubscribeLink(String hash, long subscriberId) {
        return repository.insertUnsubscribeLink(hash, subscriberId);
    }

    private List<String> checkComponents(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : requested) {
            String trimmed = id == null ? "" : id.trim();
            if (catalog.component(trimmed).isEmpty()) {
                throw unprocessable("components", "names '" + trimmed
                        + "', which is not a component of this page (the ids are listed by /api/v2/components.json)");
            }
            ids.add(trimmed);
        }
        return List.copyOf(ids);
    }

    /** Resolves the host off the event loop and refuses private addresses unless they are allowed. */
    private Uni<Void> checkResolvesPublic(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return Uni.createFrom().completionStage(() -> vertx.<InetAddress[]>executeBlocking(
                        () -> InetAddress.getAllByName(bare), false).toCompletionStage())
                .onFailure(UnknownHostException.class).transform(failure -> unprocessable("url",
                        "has a host name that does not resolve (" + bare + ")"))
                .map(addresses -> {
                    Optional<InetAddress> refused = Arrays.stream(addresses).filter(TargetRules::isPrivate).findFirst();
                    if (refused.isPresent() && !config.allowPrivateTargets()) {
                        throw unprocessable("url", "points to a loopback, private or link-local address ("
                                + refused.get().getHostAddress() + "), which this page does not deliver to");
                    }
                    return null;
                });
    }

    static ProblemException unprocessable(String field, String reason) {
        return new ProblemException(Problem.of(422, "invalid-" + field.toLowerCase(Locale.ROOT).replace('_', '-'),
                "Invalid " + field, "The field '" + field + "' " + reason + ".").withField(field));
    }
}
