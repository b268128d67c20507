package app.pathary.common;

/** A login was refused (wrong credentials or locked); 401 on HTTP. */
public final class LoginRejectedException extends RuntimeException {
    public LoginRejectedException(String message) {
        super(message);
    }
}
