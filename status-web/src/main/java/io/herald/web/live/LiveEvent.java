package io.herald.web.live;

/**
 * What goes to every browser: a full view (name "view", data = the view as JSON) or a heartbeat comment.
 *
 * @param id   the SSE id (status-api's last change id), null if none yet
 * @param json the view as JSON, null for a heartbeat
 */
record LiveEvent(String id, String json) {
    static final String VIEW = "view";
    static final LiveEvent HEARTBEAT = new LiveEvent(null, null);

    boolean heartbeat() {
        return json == null;
    }
}
