package io.herald.model.catalog;

/** The catalog cannot be used; the message names the file, the line and the problem. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
