package io.herald.api.read;

/**
 * An incident or maintenance event for SSE clients.
 *
 * @param name "incident" or "maintenance"
 * @param id   "inc-&lt;id&gt;-&lt;update count&gt;" or "mnt-&lt;id&gt;-&lt;update count&gt;"
 * @param json the incident or maintenance JSON (native shape)
 */
public record PageEvent(String name, String id, String json) {
}
