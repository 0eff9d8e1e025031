package io.herald.api.subscriber;

import java.util.List;

/** What is stored for a new subscriber; the token hashes are SHA-256 of tokens handed out once. */
record NewSubscriber(
        SubscriberKind kind,
        String target,
        List<String> componentIds,
        boolean componentChanges,
        boolean confirmed,
        String confirmTokenSha256,
        String unsubscribeTokenSha256,
        String secret,
        String createdBy) {
}
