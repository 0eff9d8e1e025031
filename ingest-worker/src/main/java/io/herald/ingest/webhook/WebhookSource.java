package io.herald.ingest.webhook;

import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.ingest.webhook.format.SenderFormat;
import io.herald.model.catalog.CheckDef;
import java.util.Map;
import java.util.Optional;

/**
 * One configured sender.
 *
 * @param name          the path segment of {@code POST /ingest/<name>}
 * @param format        how its bodies read
 * @param auth          how it proves a delivery is genuine
 * @param authScheme    the scheme named in WWW-Authenticate when it fails
 * @param subjects      the sender's subjects -> catalog checks: the webhook checks of this source by id and by the
 *                      {@code subjects} the catalog lists for them (see {@link SourceSubjects})
 * @param strictSubject true for Herald's own JSON, whose subject is a check id, so an unknown one is the sender's
 *                      mistake (422); for other senders it is a monitor Herald does not show (ignored, 202)
 */
public record WebhookSource(String name, SenderFormat format, WebhookAuth auth, String authScheme,
        Map<String, CheckDef> subjects, boolean strictSubject) {

    public Optional<CheckDef> checkFor(String subject) {
        return Optional.ofNullable(subjects.get(subject));
    }
}
