package io.herald.ingest.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.ingest.support.Hashes;
import io.herald.ingest.webhook.WebhookSource;
import io.herald.ingest.webhook.auth.BasicAuth;
import io.herald.ingest.webhook.auth.BearerAuth;
import io.herald.ingest.webhook.format.GenericJsonFormat;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CatalogLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which token each heartbeat check accepts, decided once at start-up. */
class HeartbeatChecksTest {
    private static final Map<String, WebhookSource> SOURCES = Map.of(
            "cron", source("cron", new BearerAuth(Hashes.sha256Hex("cron-token")), "Bearer"),
            "pingdom", source("pingdom", new BasicAuth(Hashes.sha256Hex("u:p")), "Basic"));

    private static WebhookSource source(String name, io.herald.ingest.webhook.auth.WebhookAuth auth, String scheme) {
        return new WebhookSource(name, new GenericJsonFormat(), auth, scheme, Map.of(), true);
    }

    private static Catalog catalog(String tokenKeys) {
        return CatalogLoader.parse("c.yaml", """
                page: {id: t, name: T, url: "http://localhost"}
                services:
                  - id: s
                    name: S
                    components:
                      - id: c
                        name: C
                        checks:
                          - {id: backup, type: heartbeat, expect_every: 25h, %s}
                          - {id: imap, type: webhook, source: cron}
                """.formatted(tokenKeys), name -> null);
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    @Test
    void shouldAcceptTheChecksOwnTokenFromTheEnvironmentAndNoOther() {
        HeartbeatChecks checks = new HeartbeatChecks(catalog("token_env: BACKUP_TOKEN"),
                name -> name.equals("BACKUP_TOKEN") ? Optional.of("own-token") : Optional.empty(), SOURCES);

        HeartbeatChecks.Heartbeat backup = checks.find("backup").orElseThrow();
        assertThat(backup.auth().verify(new byte[0], bearer("own-token")).ok()).isTrue();
        assertThat(backup.auth().verify(new byte[0], bearer("cron-token")).ok()).isFalse();
        assertThat(backup.auth().verify(new byte[0], Map.of()).ok()).isFalse();
        assertThat(checks.find("imap")).as("a webhook check takes no beats").isEmpty();
    }

    @Test
    void shouldAcceptTheBearerTokenOfTheSourceItNames() {
        HeartbeatChecks checks = new HeartbeatChecks(catalog("source: cron"), name -> Optional.empty(), SOURCES);

        HeartbeatChecks.Heartbeat backup = checks.find("backup").orElseThrow();
        assertThat(backup.auth().verify(new byte[0], bearer("cron-token")).ok()).isTrue();
        assertThat(backup.auth().verify(new byte[0], bearer("own-token")).ok()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "token_env: BACKUP_TOKEN | catalog check 'backup' (heartbeat): the environment variable BACKUP_TOKEN (its token_env) is not set; set it to the bearer token the check's job sends",
            "source: kuma            | catalog check 'backup' (heartbeat): it accepts the token of webhook source 'kuma', which is not configured (herald.ingest.sources.\"kuma\".token-sha256)",
            "source: pingdom         | catalog check 'backup' (heartbeat): it accepts the bearer token of webhook source 'pingdom', whose auth is basic; give the check a token_env instead"})
    void shouldStopStartUpWhenTheTokenCannotBeHad(String keys, String message) {
        assertThatThrownBy(() -> new HeartbeatChecks(catalog(keys), name -> Optional.empty(),
                SOURCES)).isInstanceOf(IllegalStateException.class).hasMessage(message);
    }

    @Test
    void shouldTakeABlankVariableForAMissingOne() {
        assertThatThrownBy(() -> new HeartbeatChecks(catalog("token_env: BACKUP_TOKEN"), name -> Optional.of("  "),
                SOURCES)).hasMessageContaining("BACKUP_TOKEN (its token_env) is not set");
    }
}
