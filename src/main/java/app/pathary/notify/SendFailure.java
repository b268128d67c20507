package app.pathary.notify;

/**
 * A channel did not take a message: the reason (never a secret) and whether sending it again may help (unreachable,
 * 5xx, 429) or not (a 4xx that names a wrong address or key).
 */
public final class SendFailure extends RuntimeException {
    private final boolean retryable;

    public SendFailure(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    /** The failure for an HTTP status that is not a 2xx: 408, 429 and 5xx are passing. */
    static SendFailure status(String receiver, int status) {
        return new SendFailure(receiver + " answered HTTP " + status, status == 408 || status == 429 || status >= 500);
    }
}
