package io.herald.web.view;

/**
 * One dispatched server-sent event.
 *
 * @param id   the last event id in force when it was dispatched (null if none was ever sent)
 * @param type the event name, "message" when the server sent none
 * @param data the data lines joined with '\n'
 */
public record SseEvent(String id, String type, String data) {
}
