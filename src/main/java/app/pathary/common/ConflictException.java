package app.pathary.common;

/**
 * The request is well formed, but what it asks cannot be done in the present state (a plan already executed,
 * superseded, too old, or switched off by the settings); the message says why. 409 on HTTP; elsewhere it is handled
 * as any refused input.
 */
public class ConflictException extends InvalidInputException {
    public ConflictException(String message) {
        super(message);
    }
}
