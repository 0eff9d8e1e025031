package io.herald.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.problem.ProblemException;
import io.herald.ingest.support.Hashes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookAuthTest {

    private static IngestConfig sources(Map<String, String> hashes) {
        return new IngestConfig() {
            @Override
            public Map<String, Source> sources() {
                return hashes.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> (Source) e::getValue));
            }

            @Override
            public int maxBodyBytes() {
                return 65536;
            }

            @Override
            public long signalsMaxLen() {
                return 1000;
            }

            @Override
            public Duration dedupeTtl() {
                return Duration.ofHours(1);
            }
        };
    }

    @Test
    void shouldAcceptTheTokenOfASourceConfiguredThroughAnEnvironmentVariable() {
        WebhookAuth auth = new WebhookAuth(sources(Map.of("my.monitor", Hashes.sha256Hex("s3cret"))));

        assertThatCode(() -> auth.authorize("my-monitor", "Bearer s3cret")).doesNotThrowAnyException();
        assertThatCode(() -> auth.authorize("my-monitor", "bearer s3cret")).doesNotThrowAnyException();
        assertThatThrownBy(() -> auth.authorize("my-monitor", "Bearer s3cret!"))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> auth.authorize("my-monitor", "Basic czNjcmV0"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> auth.authorize("other", "Bearer s3cret")).isInstanceOf(ProblemException.class);
    }

    @Test
    void shouldRefuseToStartWithAHashThatIsNotSha256Hex() {
        assertThatThrownBy(() -> new WebhookAuth(sources(Map.of("demo", "s3cret"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("herald.ingest.sources.\"demo\".token-sha256")
                .hasMessageNotContaining("s3cret");
    }
}
