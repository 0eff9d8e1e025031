package io.herald.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.view.SseEvent;
import io.herald.web.view.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LiveFramesTest {

    static Stream<Arguments> views() {
        return Stream.of(
                Arguments.of("1764147600000-7", "{\"banner\":\"All Systems Operational\"}", "1764147600000-7",
                        "id:1764147600000-7\nevent:view\ndata:{\"banner\":\"All Systems Operational\"}\n\n"),
                Arguments.of(null, "{}", null, "event:view\ndata:{}\n\n"),
                // An id cannot smuggle in a field of its own.
                Arguments.of("1-1\nevent: forged", "{}", "1-1", "id:1-1\nevent:view\ndata:{}\n\n"),
                Arguments.of("2-2", "{\"a\":\n1}", "2-2", "id:2-2\nevent:view\ndata:{\"a\":\ndata:1}\n\n"),
                Arguments.of("3-3", "{\"a\":\r\n1}", "3-3", "id:3-3\nevent:view\ndata:{\"a\":\ndata:1}\n\n"));
    }

    @ParameterizedTest(name = "{index}: {3}")
    @MethodSource("views")
    void shouldEncodeOneViewEventAsBrowsersReadIt(String id, String json, String parsedId, String frame) {
        byte[] bytes = LiveFrames.view(id, json).getBytes();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(frame);

        List<SseEvent> events = new ArrayList<>();
        new SseParser(events::add).feed(bytes);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo("view");
        assertThat(events.get(0).data()).isEqualTo(json.replace("\r\n", "\n"));
        assertThat(events.get(0).id()).isEqualTo(parsedId);
    }
}
