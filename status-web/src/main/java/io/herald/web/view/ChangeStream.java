package io.herald.web.view;

import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientResponse;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one upstream SSE connection to status-api's change stream. Reconnects with {@link Backoff} and
 * resumes with Last-Event-ID. Confined to the Vert.x context it is started on: no locking.
 */
final class ChangeStream {

    interface Listener {
        /** @param resumed whether it was opened with a Last-Event-ID, so that status-api replays what was missed */
        void streamOpened(boolean resumed);

        /** A change event; the notice is null when it could not be read. */
        void changed(String eventId, LiveNotice notice);

        /** An incident or maintenance event, with its id and its data as sent. */
        void pageEvent(String type, String eventId, String data);

        /**
         * @param unreachable true when an attempt to open the stream got no answer at all from status-api (as opposed
         *                    to an open stream that ended, or an answer that was not a stream)
         */
        void streamLost(String reason, boolean unreachable);
    }

    private final Vertx vertx;
    private final StatusApiClient client;
    private final Backoff backoff;
    private final Listener listener;
    private String lastEventId;
    private int failures;
    private long generation;
    private long timer = -1;
    private boolean stopped;
    private HttpClientResponse response;

    ChangeStream(Vertx vertx, StatusApiClient client, Backoff backoff, Listener listener) {
        this.vertx = vertx;
        this.client = client;
        this.backoff = backoff;
        this.listener = listener;
    }

    void start() {
        connect();
    }

    void stop() {
        stopped = true;
        generation++;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (response != null) {
            response.request().reset();
        }
    }

    String lastEventId() {
        return lastEventId;
    }

    /** A fetched status includes every change up to its id: resume there if the stream has no id yet. */
    void resumeFromIfUnset(String eventId) {
        if (lastEventId == null && eventId != null && !eventId.isBlank()) {
            lastEventId = eventId;
        }
    }

    private void connect() {
        timer = -1;
        long attempt = ++generation;
        boolean resuming = lastEventId != null;
        client.openStream(lastEventId).onComplete(result -> {
            if (attempt != generation) {
                if (result.succeeded()) {
                    result.result().request().reset();
                }
                return;
            }
            if (result.failed()) {
                lost(attempt, describe(result.cause()),
                        !(result.cause() instanceof StatusApiClient.UpstreamException));
                return;
            }
            HttpClientResponse opened = result.result();
            response = opened;
            SseParser parser = new SseParser(event -> onEvent(attempt, event));
            opened.handler(chunk -> {
                try {
                    parser.feed(chunk.getBytes());
                } catch (RuntimeException e) {
                    opened.request().reset();
                    lost(attempt, describe(e), false);
                }
            });
            opened.exceptionHandler(e -> lost(attempt, describe(e), false));
            opened.endHandler(v -> lost(attempt, "status-api closed the change stream", false));
            failures = 0;
            Log.infof("Change stream open at %s%s (Last-Event-ID %s)", client.base(), StatusApiClient.STREAM_PATH,
                    lastEventId);
            listener.streamOpened(resuming);
        });
    }

    private void onEvent(long attempt, SseEvent event) {
        if (attempt != generation) {
            return;
        }
        if (event.id() != null) {
            lastEventId = event.id();
        }
        if (ApplyPageEvent.INCIDENT.equals(event.type()) || ApplyPageEvent.MAINTENANCE.equals(event.type())) {
            listener.pageEvent(event.type(), event.id(), event.data());
            return;
        }
        if (!"change".equals(event.type()) && !"message".equals(event.type())) {
            Log.debugf("Ignoring upstream event of type %s", event.type());
            return;
        }
        LiveNotice notice = null;
        try {
            notice = HeraldJson.read(event.data(), LiveNotice.class);
        } catch (IllegalArgumentException e) {
            // Something changed even if we cannot read what: the listener reads the status again.
            Log.warnf("Unreadable change event %s: %s", event.id(), e.getMessage());
        }
        if (lastEventId == null && notice != null) {
            lastEventId = notice.id();
        }
        listener.changed(lastEventId, notice);
    }

    private void lost(long attempt, String reason, boolean unreachable) {
        if (attempt != generation || stopped) {
            return;
        }
        generation++;
        response = null;
        long delay = backoff.delay(failures++, ThreadLocalRandom.current().nextDouble()).toMillis();
        Log.debugf("Change stream lost (%s); reconnecting in %d ms", reason, delay);
        listener.streamLost(reason, unreachable);
        timer = vertx.setTimer(Math.max(1, delay), id -> connect());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
