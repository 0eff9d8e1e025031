package io.herald.ingest.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.model.CheckOutcome;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BeatReportTest {
    private static final int MAX = 40;

    private static byte[] text(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> beats() {
        return Stream.of(
                Arguments.of(null, null, "", CheckOutcome.UP, "Heartbeat received"),
                Arguments.of("up", null, "", CheckOutcome.UP, "Heartbeat received"),
                Arguments.of("UP", null, "", CheckOutcome.UP, "Heartbeat received"),
                Arguments.of("down", null, "", CheckOutcome.DOWN, "Heartbeat reported down"),
                Arguments.of("Down", "disk full", "", CheckOutcome.DOWN, "disk full"),
                Arguments.of(null, "  copied 42 GB  ", "", CheckOutcome.UP, "copied 42 GB"),
                Arguments.of(null, null, "copied 42 GB\nin 7 min\r\n", CheckOutcome.UP, "copied 42 GB\nin 7 min"),
                Arguments.of(null, null, "col\tcol", CheckOutcome.UP, "col\tcol"),
                Arguments.of("down", "", "   ", CheckOutcome.DOWN, "Heartbeat reported down"),
                Arguments.of(null, "x".repeat(MAX), "", CheckOutcome.UP, "x".repeat(MAX)),
                Arguments.of(null, null, "é".repeat(MAX / 2), CheckOutcome.UP, "é".repeat(MAX / 2)));
    }

    @ParameterizedTest(name = "status={0} msg={1} body={2}")
    @MethodSource("beats")
    void shouldReadTheOutcomeAndTheDetail(String status, String msg, String body, CheckOutcome outcome,
            String detail) {
        assertThat(BeatReport.read(status, msg, text(body), MAX)).isEqualTo(new BeatReport(outcome, detail));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(" down", null, "", 400, "bad-status", "status",
                        "status ' down' has spaces around it; send one of 'up' or 'down'"),
                Arguments.of("down\0", null, "", 400, "bad-status", "status",
                        "status 'down\\u0000' contains the control character U+0000; ids, names and status words "
                                + "cannot contain control characters"),
                Arguments.of("degraded", null, "", 400, "bad-status", "status",
                        "status must be 'up' or 'down', got 'degraded'"),
                Arguments.of("", null, "", 400, "bad-status", "status", "status must be 'up' or 'down', got ''"),
                Arguments.of(null, "disk\0full", "", 400, "bad-msg", "msg",
                        "msg 'disk\\u0000full' contains the control character U+0000; free text may contain tab, CR "
                                + "and LF but no other control character"),
                Arguments.of(null, "\u001b[31mred", "", 400, "bad-msg", "msg",
                        "msg '\\u001b[31mred' contains the control character U+001B; free text may contain tab, CR "
                                + "and LF but no other control character"),
                Arguments.of(null, "x".repeat(MAX + 1), "", 400, "bad-msg", "msg",
                        "msg has 41 characters; the limit is 40."),
                Arguments.of(null, "from msg", "from body", 400, "bad-msg", "msg",
                        "Give the detail in the msg parameter or in the body, not both."),
                Arguments.of(null, null, "x".repeat(MAX + 1), 413, "content-too-large", null,
                        "The body has 41 bytes; a heartbeat's detail may have at most 40."),
                Arguments.of(null, null, "é".repeat(MAX / 2 + 1), 413, "content-too-large", null,
                        "The body has 42 bytes; a heartbeat's detail may have at most 40."),
                Arguments.of(null, null, "done\0", 422, "unprocessable-content", null,
                        "The body 'done\\u0000' contains the control character U+0000; free text may contain tab, CR "
                                + "and LF but no other control character."),
                Arguments.of(null, null, "bell\u0007", 422, "unprocessable-content", null,
                        "The body 'bell\\u0007' contains the control character U+0007; free text may contain tab, CR "
                                + "and LF but no other control character."));
    }

    @ParameterizedTest(name = "status={0} msg={1} body={2}")
    @MethodSource("refused")
    void shouldRefuseWhatDoesNotRead(String status, String msg, String body, int code, String slug, String field,
            String detail) {
        Problem problem = catchThrowableOfType(ProblemException.class,
                () -> BeatReport.read(status, msg, text(body), MAX)).problem();

        assertThat(problem.status()).isEqualTo(code);
        assertThat(problem.slug()).isEqualTo(slug);
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.detail()).isEqualTo(detail);
    }

    @org.junit.jupiter.api.Test
    void shouldRefuseABodyThatIsNotUtf8() {
        Problem problem = catchThrowableOfType(ProblemException.class,
                () -> BeatReport.read(null, null, new byte[] {'o', 'k', (byte) 0xC3}, MAX)).problem();

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.detail()).isEqualTo("The body is not UTF-8 text; send the detail as plain UTF-8 words.");
    }
}
