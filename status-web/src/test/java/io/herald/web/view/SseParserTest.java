package io.herald.web.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("simple change", "id: 1-0\nevent: change\ndata: {\"a\":1}\n\n",
                        List.of(new SseEvent("1-0", "change", "{\"a\":1}"))),
                Arguments.of("CRLF line ends", "id: 1-0\r\nevent: change\r\ndata: x\r\n\r\n",
                        List.of(new SseEvent("1-0", "change", "x"))),
                Arguments.of("CR line ends", "id: 1-0\revent: change\rdata: x\r\r",
                        List.of(new SseEvent("1-0", "change", "x"))),
                Arguments.of("comments are heartbeats, not events", ": ping\n\n: ping\n\n", List.of()),
                Arguments.of("no event name means message", "data: x\n\n", List.of(new SseEvent(null, "message", "x"))),
                Arguments.of("data lines join with newline", "data: a\ndata: b\ndata\n\n",
                        List.of(new SseEvent(null, "message", "a\nb\n"))),
                Arguments.of("value keeps all but the first space", "data:  two spaces\n\n",
                        List.of(new SseEvent(null, "message", " two spaces"))),
                Arguments.of("id persists to later events", "id: 7\ndata: a\n\ndata: b\n\n",
                        List.of(new SseEvent("7", "message", "a"), new SseEvent("7", "message", "b"))),
                Arguments.of("event name does not persist", "event: change\ndata: a\n\ndata: b\n\n",
                        List.of(new SseEvent(null, "change", "a"), new SseEvent(null, "message", "b"))),
                Arguments.of("no data, no dispatch", "event: change\nid: 3\n\ndata: b\n\n",
                        List.of(new SseEvent("3", "message", "b"))),
                Arguments.of("retry and unknown fields ignored", "retry: 10\nfoo: bar\ndata: b\n\n",
                        List.of(new SseEvent(null, "message", "b"))),
                Arguments.of("unterminated event waits", "data: a\n", List.of()),
                Arguments.of("leading BOM", "\uFEFFdata: a\n\n", List.of(new SseEvent(null, "message", "a"))),
                Arguments.of("UTF-8 text", "data: Réseau – ok\n\n", List.of(new SseEvent(null, "message", "Réseau – ok"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void shouldParseWholeStream(String name, String stream, List<SseEvent> expected) {
        List<SseEvent> events = new ArrayList<>();
        new SseParser(events::add).feed(stream.getBytes(StandardCharsets.UTF_8));
        assertThat(events).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}, one byte at a time")
    @MethodSource("table")
    void shouldParseStreamSplitAnywhere(String name, String stream, List<SseEvent> expected) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            parser.feed(Arrays.copyOfRange(bytes, i, i + 1));
        }
        assertThat(events).isEqualTo(expected);
    }

    @Test
    void shouldRejectEndlessLine() {
        SseParser parser = new SseParser(e -> { });
        byte[] chunk = new byte[SseParser.MAX_LINE_BYTES + 1];
        Arrays.fill(chunk, (byte) 'a');
        assertThatThrownBy(() -> parser.feed(chunk)).isInstanceOf(IllegalStateException.class);
    }
}
