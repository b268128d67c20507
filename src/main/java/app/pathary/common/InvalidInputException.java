package app.pathary.common;

/** Input is not acceptable; the message says why in one sentence (shown to the person, 400 on HTTP). */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
