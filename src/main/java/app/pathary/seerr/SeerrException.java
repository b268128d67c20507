package app.pathary.seerr;

/**
 * Seerr gave no usable answer: unreachable, refused the key, an unexpected status, or a body that is not its JSON.
 * {@link #userMessage()} is one sentence without the key.
 */
public final class SeerrException extends RuntimeException {
    /** What went wrong, for messages and metrics. */
    public enum Problem { UNREACHABLE, UNAUTHORIZED, NOT_FOUND, UNEXPECTED_STATUS, NOT_SEERR }

    private final Problem problem;
    private final int status;

    public SeerrException(Problem problem, int status, String message) {
        super(message);
        this.problem = problem;
        this.status = status;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return status;
    }

    /** Whether sending the same read again may succeed (a dropped connection, a timeout, a 5xx). */
    public boolean passing() {
        return problem == Problem.UNREACHABLE || problem == Problem.UNEXPECTED_STATUS && status >= 500;
    }

    public String userMessage() {
        return getMessage();
    }
}
