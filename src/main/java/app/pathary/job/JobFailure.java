package app.pathary.job;

/**
 * A failure that retrying cannot mend (e.g. Jellyfin revoked the login): the job fails at once with this message.
 * Any other exception is retried with backoff until the attempts run out.
 */
public class JobFailure extends RuntimeException {
    public JobFailure(String message) {
        super(message);
    }
}
