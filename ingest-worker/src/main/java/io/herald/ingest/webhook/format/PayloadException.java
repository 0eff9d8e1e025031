package io.herald.ingest.webhook.format;

/**
 * A delivery Herald cannot read. The message names the field in words and is safe to return to the sender
 * (it quotes at most a short field value, never a header value).
 */
public class PayloadException extends Exception {

    public static final int NOT_JSON = 400;
    public static final int INVALID_FIELD = 422;

    private final int status;
    private final String field;

    public PayloadException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** 400 for a body that does not parse, 422 for a missing or invalid field. */
    public int status() {
        return status;
    }

    /**
     * A JSON pointer into the body such as "/alerts/0/status", "" for the whole body, or "header:webhook-id"
     * for a required request header.
     */
    public String field() {
        return field;
    }

    static PayloadException notJson(String detail) {
        return new PayloadException(NOT_JSON, "", "body is not valid JSON: " + detail);
    }

    static PayloadException invalid(String field, String message) {
        return new PayloadException(INVALID_FIELD, field, message);
    }
}
