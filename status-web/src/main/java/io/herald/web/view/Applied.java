package io.herald.web.view;

import io.herald.model.status.StatusDocument;

/** What applying one event of status-api's stream to the held status document gave. */
public sealed interface Applied {

    /** The document with the event applied. */
    record Updated(StatusDocument document) implements Applied {
    }

    /** The document already holds it (a change it includes, an older state of an incident): nothing to do. */
    record Held() implements Applied {
    }

    /** The event does not say enough to update the document: read status-api's again. */
    record ReadAgain(String reason) implements Applied {
    }

    static Applied readAgain(String reason, Object... args) {
        return new ReadAgain(String.format(reason, args));
    }
}
