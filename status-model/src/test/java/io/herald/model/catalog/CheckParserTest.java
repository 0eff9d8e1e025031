package io.herald.model.catalog;

import static io.herald.model.catalog.CatalogSnippet.CHECK;
import static io.herald.model.catalog.CatalogSnippet.assertRefused;
import static io.herald.model.catalog.CatalogSnippet.check;
import static io.herald.model.catalog.CatalogSnippet.loadCheck;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keys every check has, their defaults by kind, and the type found by name. */
class CheckParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // keys                                              | kind  | interval | timeout | down | up | quorum
            "type: tcp; host: h; port: 1                         | PROBE | PT30S    | PT10S   | 3    | 2  | 1",
            "type: TCP; host: h; port: 1; interval: 1h; timeout: 500ms; failures_to_down: 5; successes_to_up: 4; quorum: 2 | PROBE | PT1H | PT0.5S | 5 | 4 | 2",
            "type: statuspage; url: http://v/; component: X      | PULL  | PT1M     | PT10S   | 1    | 1  | 1",
            "type: webhook; source: m                            | PUSH  | PT30S    | PT10S   | 1    | 1  | 1",
            "type: webhook; source: m; interval: 5s; failures_to_down: 2 | PUSH | PT5S | PT10S | 2   | 1  | 1",
    })
    void shouldApplyDefaultsByKind(String keys, String kind, Duration interval, Duration timeout, int down, int up,
            int quorum) {
        CheckDef check = loadCheck(keys);
        assertThat(check.type().kind()).hasToString(kind);
        assertThat(check.interval()).isEqualTo(interval);
        assertThat(check.timeout()).isEqualTo(timeout);
        assertThat(check.failuresToDown()).isEqualTo(down);
        assertThat(check.successesToUp()).isEqualTo(up);
        assertThat(check.quorum()).isEqualTo(quorum);
        assertThat(check.componentId()).isEqualTo("c");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a probe or pull that missed three runs (plus its timeout) is silent; a webhook promises nothing
            "type: tcp; host: h; port: 1                         | PT1M40S",
            "type: tcp; host: h; port: 1; interval: 1m; timeout: 5s | PT3M5S",
            "type: statuspage; url: http://v/; component: X      | PT3M10S",
            "type: webhook; source: m                            | null",
            "type: webhook; source: m; expect_every: 4h          | PT4H",
            "type: tcp; host: h; port: 1; expect_every: 30s      | PT30S",
    })
    void shouldExpectToHearFromProbesAndPullsByDefaultAndFromWebhooksWhenAsked(String keys, String expectEvery) {
        assertThat(loadCheck(keys).expectEvery())
                .isEqualTo(expectEvery.equals("null") ? null : Duration.parse(expectEvery));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: tcp; host: h; port: 1; expect_every: 10s | c.yaml:13: @.expect_every: a tcp check runs every 30s; expect_every must not be shorter than its interval",
            "type: webhook; source: m; expect_every: soon   | c.yaml:12: @.expect_every: 'soon' is not a duration",
    })
    void shouldRefuseAnExpectationItCannotKeep(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "type: webhook; source: m                       | x   | null",
            "type: webhook; source: m; name: IMAP monitor; latency_limit: 2s | IMAP monitor | PT2S",
    })
    void shouldNameTheCheckByItsIdUnlessNamed(String keys, String name, String latencyLimit) {
        CheckDef check = loadCheck(keys);
        assertThat(check.name()).isEqualTo(name);
        assertThat(check.latencyLimit()).isEqualTo(latencyLimit.equals("null") ? null : Duration.parse(latencyLimit));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "source: m                                        | c.yaml:9: @: 'type' is missing",
            "type: gopher                                     | c.yaml:10: @.type: unknown check type 'gopher' (expected http, tcp, tls, dns, smtp, imap, pop3, activesync, statuspage, graph, webhook, heartbeat)",
            "type: webhook; source: m; interval: 30x          | c.yaml:12: @.interval: '30x' is not a duration (use for example 500ms, 30s, 5m, 1h)",
            "type: webhook; source: m; interval: 0s           | c.yaml:12: @.interval: '0s' is not a duration",
            "type: webhook; source: m; latency_limit: fast    | c.yaml:12: @.latency_limit: 'fast' is not a duration",
            "type: webhook; source: m; failures_to_down: 0    | c.yaml:12: @.failures_to_down: '0' is not a whole number from 1 to 1000",
            "type: webhook; source: m; successes_to_up: many  | c.yaml:12: @.successes_to_up: 'many' is not a whole number from 1 to 1000",
            "type: webhook; source: m; id: y                  | c.yaml:12: @: 'id' is given twice",
            "type: tcp; host: h; port: 1; interval: 5s; timeout: 6s | c.yaml:14: @.timeout: the timeout must not exceed the interval",
            "type: tcp; host: h; port: 1; interval: 5s        | c.yaml:13: @.interval: the timeout (10s by default) must not exceed the interval",
            "type: tcp; host: h; port: 1; quorum: 1001        | c.yaml:13: @.quorum: '1001' is not a whole number from 1 to 1000",
            "type: tcp; host: h; port: 1; name: [a]           | c.yaml:13: @.name: expected a single value",
    })
    void shouldRefuse(String keys, String message) {
        assertRefused(check(keys), message.replace("@", CHECK));
    }
}
