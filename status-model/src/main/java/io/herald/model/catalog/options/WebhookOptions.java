package io.herald.model.catalog.options;

import io.herald.model.catalog.CheckOptions;
import java.util.List;

/**
 * A check fed by a monitor posting to ingest-worker's {@code POST /ingest/<source>}.
 *
 * @param source   the webhook source allowed to report it
 * @param subjects the sender's names for it (an alert label, a monitor, service or rule name), besides its id;
 *                 within one source each names one check
 */
public record WebhookOptions(String source, List<String> subjects) implements CheckOptions {

    public WebhookOptions {
        subjects = List.copyOf(subjects);
    }
}
