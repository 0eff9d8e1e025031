package io.herald.ingest.support;

import io.herald.ingest.IngestConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One source's settings as a test writes them, starting from the defaults of {@link IngestConfig.Source}. */
public record SourceSettings(String format, Optional<String> auth, Optional<String> tokenSha256,
        Optional<String> basicSha256, Optional<String> secret, Optional<List<String>> secrets,
        Optional<String> subjectLabel, Optional<String> signatureHeader, Optional<String> timestampHeader,
        Map<String, String> checks, Duration tolerance) implements IngestConfig.Source {

    public static SourceSettings of(String format) {
        return new SourceSettings(format, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Duration.ofMinutes(5));
    }

    public SourceSettings withSubjectLabel(String label) {
        return new SourceSettings(format, auth, tokenSha256, basicSha256, secret, secrets, Optional.of(label),
                signatureHeader, timestampHeader, checks, tolerance);
    }

    public SourceSettings withHeaders(String signature, String timestamp) {
        return new SourceSettings(format, auth, tokenSha256, basicSha256, secret, secrets, subjectLabel,
                Optional.of(signature), Optional.of(timestamp), checks, tolerance);
    }
}
