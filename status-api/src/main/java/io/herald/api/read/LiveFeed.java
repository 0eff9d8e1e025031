package io.herald.api.read;

import io.herald.model.LiveNotice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fans the read model's changes out to every SSE client: the notices of the process's one live-channel subscription
 * (so the number of Redis subscriptions does not grow with the number of clients) and the incident and maintenance
 * events.
 */
@ApplicationScoped
class LiveFeed {
    private final BroadcastProcessor<LiveNotice> changes = BroadcastProcessor.create();
    private final BroadcastProcessor<PageEvent> pageEvents = BroadcastProcessor.create();

    void publish(LiveNotice notice) {
        changes.onNext(notice);
    }

    void publish(PageEvent event) {
        pageEvents.onNext(event);
    }

    /** Notices from now on. A slow client gets its own bounded buffer so it cannot hold the others back. */
    Multi<LiveNotice> changes(int buffer) {
        return changes.onOverflow().buffer(buffer);
    }

    Multi<PageEvent> pageEvents(int buffer) {
        return pageEvents.onOverflow().buffer(buffer);
    }
}
