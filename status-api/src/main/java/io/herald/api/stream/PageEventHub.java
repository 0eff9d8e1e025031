package io.herald.api.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** Fans incident and maintenance events out to every SSE client. */
@ApplicationScoped
public class PageEventHub {
    private final BroadcastProcessor<PageEvent> processor = BroadcastProcessor.create();

    public void publish(PageEvent event) {
        processor.onNext(event);
    }

    public Multi<PageEvent> live(int buffer) {
        return processor.onOverflow().buffer(buffer);
    }
}
