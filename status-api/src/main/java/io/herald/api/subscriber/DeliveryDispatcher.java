package io.herald.api.subscriber;

import io.herald.api.db.SafeContext;
import io.quarkus.logging.Log;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Delivers the outbox. Each round it fans new events out into delivery rows, claims due rows (as many as this
 * process has room for, at most per-receiver in flight to one receiver) and sends them without waiting for each
 * other, so a slow receiver only ever holds its own slots. Every outcome is written back to PostgreSQL: a stop or a
 * crash loses nothing, and a row whose send was cut off is claimed again once its lease runs out.
 */
@ApplicationScoped
public class DeliveryDispatcher {
    private final DeliveryRepository deliveries;
    private final SubscriberRepository subscribers;
    private final WebhookSender webhooks;
    private final DeliveryTargetGuard guard;
    private final ReactiveMailer mailer;
    private final MailComposer mails;
    private final SubscriberConfig config;
    private final RetryBackoff backoff;
    private final Vertx vertx;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightByReceiver = new ConcurrentHashMap<>();
    private volatile boolean running;
    private final AtomicBoolean roundActive = new AtomicBoolean();
    private final AtomicBoolean wakeScheduled = new AtomicBoolean();
    /** The last round found more due rows than it had room for: a freed slot starts the next round at once. */
    private volatile boolean backlog;
    private volatile long timer = -1;

    public DeliveryDispatcher(DeliveryRepository deliveries, SubscriberRepository subscribers, WebhookSender webhooks,
            DeliveryTargetGuard guard, ReactiveMailer mailer, MailComposer mails, SubscriberConfig config, Vertx vertx) {
        this.deliveries = deliveries;
        this.subscribers = subscribers;
        this.webhooks = webhooks;
        this.guard = guard;
        this.mailer = mailer;
        this.mails = mails;
        this.config = config;
        this.backoff = RetryBackoff.from(config);
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the rounds (done at application start). */
    public synchronized void start() {
        if (!running) {
            running = true;
            Log.infof("Delivering notifications every %s, %d in flight at most (%d per receiver)",
                    config.delivery().pollInterval(), config.delivery().concurrency(), config.delivery().perReceiver());
            schedule(1);
        }
    }

    /** Stops claiming; sends already under way finish or are retried after their lease. */
    public synchronized void stop() {
        running = false;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    public boolean running() {
        return running;
    }

    /** Deliveries this process is sending right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** One pending timer at most: a round started by a freed slot replaces the one that was waiting. */
    private synchronized void schedule(long delayMillis) {
        if (running) {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            timer = vertx.setTimer(Math.max(1, delayMillis), id -> round());
        }
    }

    private void wake() {
        if (running && backlog && !roundActive.get() && wakeScheduled.compareAndSet(false, true)) {
            vertx.setTimer(1, id -> {
                wakeScheduled.set(false);
                round();
            });
        }
    }

    private void round() {
        if (!running || !roundActive.compareAndSet(false, true)) {
            return;
        }
        SafeContext.run(vertx, () -> fanOutAll().flatMap(ignored -> claim()))
                .subscribe().with(claimed -> {
                    // a round that filled its room leaves more due rows behind: the next freed slot starts a round
                    backlog = !claimed.isEmpty();
                    roundActive.set(false);
                    claimed.forEach(this::send);
                    boolean more = claimed.size() >= config.delivery().batch();
                    schedule(more ? 1 : config.delivery().pollInterval().toMillis());
                }, failure -> {
                    backlog = false;
                    roundActive.set(false);
                    Log.warnf("Notification round failed (%s); trying again in %s", failure.getMessage(),
                            config.delivery().pollInterval());
                    schedule(config.delivery().pollInterval().toMillis());
                });
    }

    private Uni<Void> fanOutAll() {
        return deliveries.fanOut(config.delivery().batch()).flatMap(events -> events >= config.delivery().batch()
                ? fanOutAll() : Uni.createFrom().voidItem());
    }

    private Uni<List<DeliveryJob>> claim() {
        int room = Math.min(config.delivery().batch(), config.delivery().concurrency() - inFlight.get());
        if (room <= 0) {
            return Uni.createFrom().item(List.of());
        }
        int perReceiver = config.delivery().perReceiver();
        Set<String> full = inFlightByReceiver.entrySet().stream()
                .filter(entry -> entry.getValue().get() >= perReceiver)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return deliveries.claim(room * 4, room, full, receiver -> perReceiver - busy(receiver).get(),
                config.delivery().lease().toMillis());
    }

    private AtomicInteger busy(String receiver) {
        return inFlightByReceiver.computeIfAbsent(receiver, ignored -> new AtomicInteger());
    }

    private void send(DeliveryJob job) {
        inFlight.incrementAndGet();
        busy(job.receiver()).incrementAndGet();
        Uni<DeliveryOutcome> attempt = job.kind() == SubscriberKind.WEBHOOK ? sendWebhook(job) : sendMail(job);
        attempt.onFailure().recoverWithItem(failure -> retryOrGiveUp(job, null, describe(failure)))
                .flatMap(outcome -> SafeContext.run(vertx, () -> record(job, outcome)))
                .onTermination().invoke(() -> {
                    inFlight.decrementAndGet();
                    busy(job.receiver()).decrementAndGet();
                    wake();
                })
                .subscribe().with(ignored -> {
                }, failure -> Log.warnf("Could not store the outcome of delivery %s (%s); it is retried after its lease",
                        job.id(), failure.getMessage()));
    }

    private Uni<DeliveryOutcome> sendWebhook(DeliveryJob job) {
        return guard.check(job.target(), config.allowPrivateTargets()).flatMap(verdict -> verdict.refused()
                ? Uni.createFrom().item(new DeliveryOutcome("failed", null, verdict.refusal(), null))
                : webhooks.send(job, verdict.address(), Instant.now()).map(status -> answered(job, status)));
    }

    private DeliveryOutcome answered(DeliveryJob job, int status) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered(status);
        }
        if (status == 410) {
            return new DeliveryOutcome("dropped", status, "the receiver answered 410 Gone: unsubscribed", null);
        }
        return retryOrGiveUp(job, status, "the receiver answered " + status);
    }

    private Uni<DeliveryOutcome> sendMail(DeliveryJob job) {
        String token = Tokens.newToken();
        DeliveryJob withLink = job.withUnsubscribeToken(token);
        return SafeContext.run(vertx, () -> subscribers.insertUnsubscribeLink(Tokens.sha256(token), job.subscriberId()))
                .flatMap(ignored -> mailer.send(mails.notification(withLink)))
                .map(ignored -> DeliveryOutcome.delivered(null));
    }

    private DeliveryOutcome retryOrGiveUp(DeliveryJob job, Integer status, String error) {
        return backoff.nextAttempt(job.attempts(), job.createdAt(), Instant.now(), ThreadLocalRandom.current().nextDouble())
                .map(next -> new DeliveryOutcome("pending", status, error, next))
                .orElseGet(() -> new DeliveryOutcome("failed", status,
                        error + "; given up after " + config.maxAge(), null));
    }

    private Uni<Void> record(DeliveryJob job, DeliveryOutcome outcome) {
        Uni<Boolean> stored = deliveries.complete(job.id(), outcome, Instant.now());
        if ("dropped".equals(outcome.state())) {
            Log.infof("Webhook receiver of subscriber %d answered 410; unsubscribing it", job.subscriberId());
            stored = stored.call(() -> subscribers.unsubscribe(job.subscriberId(), "receiver answered 410 Gone"));
        } else if ("failed".equals(outcome.state())) {
            Log.warnf("Delivery %s to subscriber %d given up: %s", job.id(), job.subscriberId(), outcome.error());
        }
        return stored.replaceWithVoid();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
