package io.herald.api.stream;

import io.herald.model.LiveNotice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fans the notices of the process's one live-channel subscription out to every SSE client, so the number of
 * Redis subscriptions does not grow with the number of clients.
 */
@ApplicationScoped
public class ChangeHub {
    private final BroadcastProcessor<LiveNotice> processor = BroadcastProcessor.create();

    public void publish(LiveNotice notice) {
        processor.onNext(notice);
    }

    /** Notices from now on. A slow client gets its own bounded buffer so it cannot hold the others back. */
    public Multi<LiveNotice> live(int buffer) {
        return processor.onOverflow().buffer(buffer);
    }
}
