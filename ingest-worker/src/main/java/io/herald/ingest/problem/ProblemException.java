package io.herald.ingest.problem;

import java.util.Map;

/** Thrown by request handling to answer with a problem detail; the message is shown to the client as is. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String field;
    private final Map<String, String> headers;

    public ProblemException(int status, String detail) {
        this(status, detail, null, Map.of());
    }

    public ProblemException(int status, String detail, String field, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
        this.headers = headers;
    }

    /** 422 naming the body field that is missing or wrong. */
    public static ProblemException invalidField(String field, String detail) {
        return new ProblemException(422, detail, field, Map.of());
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
