package app.pathary.common;

/** Something named in a request does not exist; the message says what (404 on HTTP). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
