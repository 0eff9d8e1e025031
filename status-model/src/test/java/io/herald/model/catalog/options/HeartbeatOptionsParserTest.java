package io.herald.model.catalog.options;

import static io.herald.model.catalog.CatalogSnippet.CHECK;
import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.check;
import static io.herald.model.catalog.CatalogSnippet.loadCheck;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.catalog.CatalogException;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class HeartbeatOptionsParserTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("type: heartbeat; expect_every: 70m; token_env: HERALD_BACKUP_TOKEN",
                        new HeartbeatOptions("HERALD_BACKUP_TOKEN", null), Duration.ofMinutes(70)),
                Arguments.of("type: heartbeat; expect_every: 1h; token_env: _nightly_2",
                        new HeartbeatOptions("_nightly_2", null), Duration.ofHours(1)),
                Arguments.of("type: heartbeat; expect_every: 90s; source: kuma",
                        new HeartbeatOptions(null, "kuma"), Duration.ofSeconds(90)),
                Arguments.of("type: heartbeat; expect_every: 5m; source: ${SOURCE:cron-jobs}",
                        new HeartbeatOptions(null, "cron-jobs"), Duration.ofMinutes(5)),
                Arguments.of("type: HeartBeat; expect_every: 24h; token_env: T; failures_to_down: 2",
                        new HeartbeatOptions("T", null), Duration.ofHours(24)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void shouldReadTheTokenAndHowLongTheJobMayBeSilent(String keys, HeartbeatOptions options, Duration expectEvery) {
        CheckDef check = loadCheck(keys);

        assertThat(check.options()).isEqualTo(options);
        assertThat(check.expectEvery()).isEqualTo(expectEvery);
    }

    @Test
    void shouldBeAPushedCheckThatIsDownWhenSilent() {
        CheckDef check = loadCheck("type: heartbeat; expect_every: 1h; source: kuma");

        assertThat(check.type()).isEqualTo(new CheckType("heartbeat", CheckType.Kind.PUSH, CheckType.Silence.DOWN));
        assertThat(check.type().isProbe()).isFalse();
        assertThat(check.failuresToDown()).isEqualTo(1);
        assertThat(check.successesToUp()).isEqualTo(1);
    }

    @Test
    void shouldHaveNoDefaultExpectEvery() {
        assertThat(new HeartbeatOptionsParser().defaultExpectEvery(Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: heartbeat; token_env: T                             | c.yaml:9: @.expect_every: a heartbeat check needs expect_every: how long its job may stay silent before the check is down, grace included (a job every hour that may run 10 minutes late: 70m)",
            "type: heartbeat; source: kuma                             | c.yaml:9: @.expect_every: a heartbeat check needs expect_every",
            "type: heartbeat; expect_every: 1h                         | c.yaml:9: @.token_env: a heartbeat check needs token_env (an environment variable holding its bearer token) or source (a webhook source whose bearer token it accepts)",
            "type: heartbeat; expect_every: 1h; token_env: T; source: kuma | c.yaml:13: @.source: give token_env or source, not both: one token is accepted for a heartbeat",
            "type: heartbeat; expect_every: 1h; token_env: ''          | c.yaml:12: @.token_env: must not be empty",
            "type: heartbeat; expect_every: 1h; token_env: 9LIVES      | c.yaml:12: @.token_env: must name an environment variable (letters, digits and '_', not starting with a digit) that holds the token, not the token itself",
            "type: heartbeat; expect_every: 1h; source: Cron Jobs      | c.yaml:12: @.source: 'Cron Jobs' is not a source name (lower-case letters, digits and '-')",
            "type: heartbeat; expect_every: soon; source: kuma         | c.yaml:11: @.expect_every: 'soon' is not a duration",
            "type: heartbeat; expect_every: 1h; source: kuma; quorum: 2 | c.yaml:13: @.quorum: only probes run from several locations; a heartbeat check has no quorum",
            "type: heartbeat; expect_every: 1h; source: kuma; subjects: [a] | c.yaml:13: @: unknown key 'subjects' (allowed: expect_every, failures_to_down, id, interval, latency_limit, name, quorum, source, successes_to_up, timeout, token_env, type)",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }

    @Test
    void shouldNotRepeatATokenWrittenWhereTheVariableNameBelongs() {
        assertThatThrownBy(() -> loadCheck("type: heartbeat; expect_every: 1h; token_env: s3cr3t-t0ken-value"))
                .isInstanceOf(CatalogException.class)
                .hasMessageNotContaining("s3cr3t-t0ken-value");
    }
}
