package app.pathary.common;

/** The caller may not do this; the message says why (403 on HTTP). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
