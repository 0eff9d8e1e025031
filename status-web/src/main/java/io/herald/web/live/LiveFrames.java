package io.herald.web.live;

import io.herald.http.PreparedBody;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** The bytes of the browsers' live channel, each frame encoded once and shared by every connection. */
final class LiveFrames {
    static final String EVENT = "view";
    static final Buffer HEARTBEAT = PreparedBody.readOnlyDirect(":heartbeat\n\n".getBytes(StandardCharsets.UTF_8));

    private LiveFrames() {
    }

    /**
     * One "view" event: {@code id:<id>\nevent:view\ndata:<json>\n\n}.
     *
     * @param id   the SSE id (status-api's last change id), null if none yet
     * @param json the view as JSON
     */
    static Buffer view(String id, String json) {
        StringBuilder frame = new StringBuilder(json.length() + 64);
        if (id != null) {
            frame.append("id:").append(firstLine(id)).append('\n');
        }
        frame.append("event:").append(EVENT).append('\n');
        // Compact JSON has no line breaks; should one ever appear, each line is its own data field (SSE's rule).
        frame.append("data:").append(json.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\ndata:"))
                .append("\n\n");
        return PreparedBody.readOnlyDirect(frame.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(String value) {
        int end = 0;
        while (end < value.length() && value.charAt(end) != '\n' && value.charAt(end) != '\r') {
            end++;
        }
        return value.substring(0, end);
    }
}
