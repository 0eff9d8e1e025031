package io.herald.system.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Monitors sending generic webhooks, each delivery with an id of its own, as a set of concurrent senders. A sender
 * sends its next delivery once the last one was answered 202; a delivery answered otherwise (a refused or cut
 * connection, a 503) is sent again with the same id to the next worker after a short backoff, as a monitor retries,
 * until it is answered 202 or has been retried for {@link #GIVE_UP}. Senders run until {@link #stop} and at least the
 * number of deliveries asked for have been taken. Every delivery's id is also its detail, so the test finds its signal
 * in the stream whatever signal id the worker derives from the id.
 */
final class WebhookLoad {
    static final String FLIP_CHECK = "flip-monitor";
    static final List<String> LOAD_CHECKS = List.of("load-1-monitor", "load-2-monitor", "load-3-monitor",
            "load-4-monitor");
    private static final Duration GIVE_UP = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> workers;
    private final String idPrefix;
    private final String token;
    private final int senders;
    private final int flipEvery;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean stopping;
    private volatile int minimum;
    private CountDownLatch finished;
    private volatile long startedNanos;

    /** Every delivery answered 202: id to its check. */
    final Map<String, String> accepted = new ConcurrentHashMap<>();
    /** Deliveries answered with a 4xx (never retried) or given up on: id to the last answer. */
    final Map<String, String> refused = new ConcurrentHashMap<>();
    /** When each 202 arrived (System.nanoTime). */
    final ConcurrentLinkedQueue<Long> acceptedAt = new ConcurrentLinkedQueue<>();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong answeredDuplicate = new AtomicLong();
    final AtomicLong lastAcceptedNanos = new AtomicLong();

    /**
     * @param workers   base URLs of the ingest-workers; delivery i goes first to worker i % size
     * @param idPrefix  starts every delivery id (a second load in one test takes another)
     * @param flipEvery every this many deliveries, one is for the flip check, alternately down and up
     */
    WebhookLoad(List<String> workers, String idPrefix, String token, int senders, int flipEvery) {
        this.workers = List.copyOf(workers);
        this.idPrefix = idPrefix;
        this.token = token;
        this.senders = senders;
        this.flipEvery = flipEvery;
    }

    void start() {
        finished = new CountDownLatch(senders);
        startedNanos = System.nanoTime();
        for (int s = 0; s < senders; s++) {
            sendNext();
        }
    }

    /** Senders take no new delivery once at least this many were taken; those in flight go on until answered. */
    void stop(int atLeast) {
        minimum = atLeast;
        stopping = true;
    }

    boolean awaitFinished(Duration atMost) throws InterruptedException {
        return finished.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
    }

    int taken() {
        return next.get();
    }

    long startedNanos() {
        return startedNanos;
    }

    String id(int delivery) {
        return idPrefix + delivery;
    }

    /** The id a signal's detail names, or null when the signal is not one of these deliveries. */
    static String idInDetail(String detail) {
        return detail != null && detail.startsWith("delivery ") ? detail.substring("delivery ".length()) : null;
    }

    /** The check of delivery i: the flip check every flipEvery deliveries, else one of the load checks in turn. */
    static String check(int delivery, int flipEvery) {
        return delivery % flipEvery == 0 ? FLIP_CHECK : LOAD_CHECKS.get(delivery % LOAD_CHECKS.size());
    }

    /** The first 202 that arrived at or after this instant (System.nanoTime), or -1. */
    long firstAcceptedAtOrAfter(long nanos) {
        return acceptedAt.stream().mapToLong(Long::longValue).filter(t -> t >= nanos).min().orElse(-1);
    }

    /** How many 202s arrived within [from, to) (System.nanoTime). */
    long acceptedBetween(long from, long to) {
        return acceptedAt.stream().mapToLong(Long::longValue).filter(t -> t >= from && t < to).count();
    }

    private void sendNext() {
        if (stopping && next.get() >= minimum) {
            finished.countDown();
            return;
        }
        int delivery = next.getAndIncrement();
        String check = check(delivery, flipEvery);
        String status = !check.equals(FLIP_CHECK) || (delivery / flipEvery) % 2 == 1 ? "up" : "down";
        attempt(id(delivery), check, status, delivery % workers.size(), 0, System.nanoTime(), this::sendNext);
    }

    /**
     * One more delivery besides the senders' (a monitor of its own), sent and retried as theirs are and counted with
     * them; completes when it is answered 202 or refused.
     */
    CompletableFuture<Void> deliver(String id, String check, String status) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        attempt(id, check, status, 0, 0, System.nanoTime(), () -> done.complete(null));
        return done;
    }

    private void attempt(String id, String check, String status, int worker, int tries, long firstTry,
            Runnable then) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(workers.get(worker) + "/ingest/" + FaultStack.SOURCE))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"check\":\"" + check + "\",\"status\":\"" + status
                        + "\",\"id\":\"" + id + "\",\"detail\":\"delivery " + id + "\"}"))
                .build();
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((response, failure) -> {
            int code = failure == null ? response.statusCode() : -1;
            if (code == 202) {
                long now = System.nanoTime();
                accepted.put(id, check);
                acceptedAt.add(now);
                lastAcceptedNanos.accumulateAndGet(now, Math::max);
                if (duplicate(response.body())) {
                    answeredDuplicate.incrementAndGet();
                }
                then.run();
            } else if (code >= 400 && code < 500 && code != 408 && code != 429) {
                refused.put(id, code + " " + response.body());
                then.run();
            } else if (System.nanoTime() - firstTry > GIVE_UP.toNanos()) {
                refused.put(id, "given up after " + tries + " tries: " + (failure == null ? code : failure));
                then.run();
            } else {
                retries.incrementAndGet();
                long backoff = Math.min(500, 20L << Math.min(tries, 5));
                CompletableFuture.delayedExecutor(backoff, TimeUnit.MILLISECONDS).execute(() -> attempt(id, check,
                        status, (worker + 1) % workers.size(), tries + 1, firstTry, then));
            }
        });
    }

    private static boolean duplicate(String body) {
        try {
            return JSON.readTree(body).path("duplicate").asBoolean();
        } catch (IOException e) {
            return false;
        }
    }
}
