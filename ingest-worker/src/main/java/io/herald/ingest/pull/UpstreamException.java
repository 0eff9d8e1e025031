package io.herald.ingest.pull;

/** An upstream status could not be fetched or read; nothing is recorded for it, the next poll tries again. */
public class UpstreamException extends RuntimeException {
    public UpstreamException(String message) {
        super(message, null, false, false);
    }
}
