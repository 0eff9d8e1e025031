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
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pages built from status-api data the status view does not hold (an incident's timeline, a month of history, a
 * component's latency). Each page is fetched and rendered once, then served from memory: a page view never calls
 * status-api except the very first one for a key. A cached page becomes stale after each view change (status-api
 * said something changed) and after {@code page-data-ttl}; a stale page is still served at once while one
 * background fetch refreshes it, and it is rendered again only when the fetched data differ.
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

    private record Entry(Object data, Page page, long generation, long loadedAt) {
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
        Entry entry = entries.get(key);
        if (entry != null) {
            if (!fresh(entry)) {
                load(key, fetch, render, entry);
            }
            return CompletableFuture.completedFuture(entry.page());
        }
        return load(key, fetch, render, null).thenApply(Entry::page);
    }

    private boolean fresh(Entry entry) {
        return entry.generation() == generation.get()
                && clock.millis() - entry.loadedAt() < config.pageDataTtl().toMillis();
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<Entry> load(String key, Supplier<Future<T>> fetch, Function<T, Page> render,
            Entry previous) {
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
                    // status-api is away: keep the page we have and try again on the next view.
                    Log.debugf("Keeping %s: %s", key, result.cause().getMessage());
                    mine.complete(previous);
                    return;
                } else {
                    mine.completeExceptionally(result.cause());
                    return;
                }
                Page page = previous != null && Objects.equals(previous.data(), data)
                        ? previous.page() : render.apply(data);
                Entry fresh = new Entry(data, page, startedGeneration, clock.millis());
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
