package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

// Control characters are written as Java escapes in method sources: a CSV table would trim or split on them.
class FieldTextTest {

    private static final String NAME_RULE = "; ids, names and status words cannot contain control characters";
    private static final String TEXT_RULE = "; free text may contain tab, CR and LF but no other control character";

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"imap-monitor", "Outlook on the web", " padded ", "IMAP mail.example.org", "Élysée",
            "🔴 Down", "a\u0080b"})
    void shouldAcceptANameExactlyAsSent(String name) {
        assertThat(FieldText.name(name)).isEmpty();
    }

    static Stream<Arguments> namesWithControls() {
        return Stream.of(
                Arguments.of("imap-monitor\0", "'imap-monitor\\u0000' contains the control character U+0000"),
                Arguments.of("\0", "'\\u0000' contains the control character U+0000"),
                Arguments.of("a\u0001b", "'a\\u0001b' contains the control character U+0001"),
                Arguments.of("tab\there", "'tab\\u0009here' contains the control character U+0009"),
                Arguments.of("line\nbreak", "'line\\u000abreak' contains the control character U+000A"),
                Arguments.of("carriage\rreturn", "'carriage\\u000dreturn' contains the control character U+000D"),
                Arguments.of("esc\u001b[31m", "'esc\\u001b[31m' contains the control character U+001B"),
                Arguments.of("unit\u001fsep", "'unit\\u001fsep' contains the control character U+001F"),
                Arguments.of("delete\u007f", "'delete\\u007f' contains the control character U+007F"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("namesWithControls")
    void shouldRefuseAControlCharacterInAName(String name, String why) {
        assertThat(FieldText.name(name)).hasValue(why + NAME_RULE);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"IMAP logins fail", "line one\nline two", "crlf\r\nend", "a\tb", "", "é 🔴"})
    void shouldAcceptFreeTextWithTabsAndLineBreaks(String text) {
        assertThat(FieldText.freeText(text)).isEmpty();
    }

    static Stream<Arguments> freeTextWithControls() {
        return Stream.of(
                Arguments.of("fails\0", "'fails\\u0000' contains the control character U+0000"),
                Arguments.of("line\n\0", "'line\\u000a\\u0000' contains the control character U+0000"),
                Arguments.of("bell\u0007", "'bell\\u0007' contains the control character U+0007"),
                Arguments.of("\u001b[2Jcleared", "'\\u001b[2Jcleared' contains the control character U+001B"),
                Arguments.of("vertical\u000btab", "'vertical\\u000btab' contains the control character U+000B"),
                Arguments.of("form\ffeed", "'form\\u000cfeed' contains the control character U+000C"),
                Arguments.of("delete\u007f", "'delete\\u007f' contains the control character U+007F"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("freeTextWithControls")
    void shouldRefuseOtherControlCharactersInFreeText(String text, String why) {
        assertThat(FieldText.freeText(text)).hasValue(why + TEXT_RULE);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"down, down", "DOWN, down", "Down, down", "up, up", "dEgRaDeD, degraded"})
    void shouldMatchAStatusWordIgnoringCase(String word, String canonical) {
        FieldText.Result result = FieldText.statusWord(word, "up", "degraded", "down");

        assertThat(result.ok()).isTrue();
        assertThat(result.word()).isEqualTo(canonical);
    }

    static Stream<Arguments> wrongStatusWords() {
        String choices = "'up', 'degraded' or 'down'";
        return Stream.of(
                Arguments.of(" down", "' down' has spaces around it; send one of " + choices),
                Arguments.of("down ", "'down ' has spaces around it; send one of " + choices),
                Arguments.of(" DOWN  ", "' DOWN  ' has spaces around it; send one of " + choices),
                Arguments.of("\u00a0down", "must be " + choices + ", got '\u00a0down'"),
                Arguments.of("do wn", "must be " + choices + ", got 'do wn'"),
                Arguments.of("", "must be " + choices + ", got ''"),
                Arguments.of("down\0", "'down\\u0000' contains the control character U+0000" + NAME_RULE),
                Arguments.of("\tdown", "'\\u0009down' contains the control character U+0009" + NAME_RULE),
                Arguments.of("down\n", "'down\\u000a' contains the control character U+000A" + NAME_RULE));
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("wrongStatusWords")
    void shouldRefuseAStatusWordThatIsNotExactlyOne(String word, String why) {
        FieldText.Result result = FieldText.statusWord(word, "up", "degraded", "down");

        assertThat(result.ok()).isFalse();
        assertThat(result.refusal()).isEqualTo(why);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", "5f9a-4c1e", " spaced "})
    void shouldAcceptAHeaderIdExactly(String id) throws PayloadException {
        assertThat(FieldText.headerId("webhook-id", id)).isEqualTo(id);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"msg\u0001", "msg\tx", "\u007f"})
    void shouldRefuseAHeaderIdWithAControlCharacter(String id) {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> FieldText.headerId("webhook-id", id));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("header:webhook-id");
        assertThat(error.getMessage()).startsWith("the webhook-id header '").endsWith(NAME_RULE);
    }
}
