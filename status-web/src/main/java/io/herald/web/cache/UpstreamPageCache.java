package io.herald.web.cache;

import io.herald.web.WebConfig;
import io.herald.http.PreparedBody;
import io.herald.web.view.StatusApiClient.UpstreamException;
import io.herald.web.view.ViewChanged;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pages built from status-api data the status view does not hold (an incident's timeline, a month of history, a
 * component's latency). Each page is fetched and rendered once, then served from memory: a page view never calls
 * status-api except the very first one for a key. A cached page becomes stale after each view change (status-api
 * said something changed) and after {@code page-data-ttl}; a stale page is still served at once while one
 * background fetch refreshes it, and it is rendered again only when the fetched data differ. When that fetch fails
 * (status-api answers 5xx or cannot be reached) the page is kept, rendered again as a kept copy where its resource says
 * how ({@code renderKept}: "may be out of date"); a key never fetched fails with {@link Unavailable}.
 */
@ApplicationScoped
public class UpstreamPageCache {
    private final WebConfig config;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Entry>> loading = new ConcurrentHashMap<>();

    UpstreamPageCache(WebConfig config) {
        this.config = config;
    }

    /** A page rendered from a key's data: its status and its prepared bytes (see {@link PreparedBody}). */
    public record Page(int status, PreparedBody bytes, String mediaType) {
    }

    /** @param kept the page is the copy kept while status-api failed, rendered as such */
    private record Entry(Object data, Page page, long generation, long loadedAt, boolean kept) {
    }

    /** status-api could not give the data of a page never fetched before: there is nothing to show. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String key, Throwable cause) {
            super("no data for " + key + ": " + cause.getMessage(), cause, false, false);
        }
    }

    void onViewChanged(@Observes ViewChanged changed) {
        generation.incrementAndGet();
    }

    /** Marks every cached page stale (the next view of each refreshes it). */
    public void invalidateAll() {
        generation.incrementAndGet();
    }

    /**
     * @param key    the page's key (path and language)
     * @param fetch  fetches the data from status-api; a failed future with "HTTP 404" means "no such thing"
     * @param render renders the page from the data, or from null when there is no such thing (then a 404 page)
     */
    public <T> CompletionStage<Page> page(String key, Supplier<Future<T>> fetch, Function<T, Page> render) {
        return page(key, fetch, render, null);
    }

    /**
     * @param renderKept renders the data last fetched, and when they were, as a copy kept while status-api fails;
     *                   null to keep serving the page as it was
     * @return the page, or a failure {@link Unavailable} when status-api failed and no page was ever fetched
     */
    public <T> CompletionStage<Page> page(String key, Supplier<Future<T>> fetch, Function<T, Page> render,
            BiFunction<T, Instant, Page> renderKept) {
        Entry entry = entries.get(key);
        if (entry != null) {
            if (!fresh(entry)) {
                load(key, fetch, render, renderKept, entry);
            }
            return CompletableFuture.completedFuture(entry.page());
        }
        return load(key, fetch, render, renderKept, null).thenApply(Entry::page);
    }

    private boolean fresh(Entry entry) {
        return entry.generation() == generation.get()
                && clock.millis() - entry.loadedAt() < config.pageDataTtl().toMillis();
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<Entry> load(String key, Supplier<Future<T>> fetch, Function<T, Page> render,
            BiFunction<T, Instant, Page> renderKept, Entry previous) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            return running;
        }
        long startedGeneration = generation.get();
        fetch.get().onComplete(result -> {
            try {
                T data;
                if (result.succeeded()) {
                    data = result.result();
                } else if (notFound(result.cause())) {
                    data = null;
                } else if (previous != null) {
                    // status-api is away: keep the page we have, marked as kept, and try again on the next view.
                    Log.debugf("Keeping %s: %s", key, result.cause().getMessage());
                    Entry kept = previous.kept() || renderKept == null ? previous
                            : new Entry(previous.data(), renderKept.apply((T) previous.data(),
                                    Instant.ofEpochMilli(previous.loadedAt())), previous.generation(),
                                    previous.loadedAt(), true);
                    entries.replace(key, previous, kept);
                    mine.complete(kept);
                    return;
                } else {
                    mine.completeExceptionally(new Unavailable(key, result.cause()));
                    return;
                }
                Page page = previous != null && !previous.kept() && Objects.equals(previous.data(), data)
                        ? previous.page() : render.apply(data);
                Entry fresh = new Entry(data, page, startedGeneration, clock.millis(), false);
                if (entries.size() >= config.pageCacheSize() && !entries.containsKey(key)) {
                    // Bounded: unknown ids cannot fill the memory. Dropping everything is crude but rare.
                    entries.clear();
                }
                entries.put(key, fresh);
                mine.complete(fresh);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                loading.remove(key, mine);
            }
        });
        return mine;
    }

    private static boolean notFound(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        // status-api answers 400 for an id it cannot parse: for a reader that is no such page either.
        return cause instanceof UpstreamException && (message.contains("HTTP 404") || message.contains("HTTP 400"));
    }
}
