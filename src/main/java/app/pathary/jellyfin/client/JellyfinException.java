package app.pathary.jellyfin.client;

/**
 * Why a call to Jellyfin failed. Every {@link JellyfinClient} method throws only these, so callers can
 * {@code switch} over the sealed hierarchy:
 * <ul>
 *   <li>{@link Unauthorized} 401: no token, or the token was revoked (logout, re-login with the same
 *       DeviceId) or never existed. Jellyfin answers with an empty body.</li>
 *   <li>{@link Forbidden} 403: the token is valid but may not do this, e.g. a non-admin acting for another
 *       user.</li>
 *   <li>{@link NotFound} 404: unknown or invisible item or user.</li>
 *   <li>{@link Unreachable}: no HTTP answer at all; {@link Unreachable#reason()} says why.</li>
 *   <li>{@link NotJellyfin}: an HTTP 2xx whose body is not Jellyfin's JSON: a proxy's HTML page, JSON cut
 *       off or malformed, no body where one was due, or JSON of another shape (another product, a wrong base
 *       path); {@link NotJellyfin#problem()} says which.</li>
 *   <li>{@link UnexpectedStatus}: any other status, e.g. 400, 500, or 503 while Jellyfin is starting.</li>
 * </ul>
 * Messages name the method and route but never a token, password or query string.
 */
public abstract sealed class JellyfinException extends RuntimeException {

    private final String request;

    private JellyfinException(String request, String outcome, Throwable cause) {
        super(request + " -> " + outcome, cause);
        this.request = request;
    }

    /** Method and route, e.g. {@code GET /Items}; safe to show. */
    public String request() {
        return request;
    }

    /** A short sentence for the user interface, e.g. "connection refused". */
    public abstract String userMessage();

    /**
     * Whether the same call may succeed later without anyone changing anything: no answer for a passing reason
     * (refused, dropped, timed out) or a 5xx (including 503 while starting).
     */
    public boolean retryable() {
        return false;
    }

    /** 401: the token is missing, wrong or no longer valid. */
    public static final class Unauthorized extends JellyfinException {
        public Unauthorized(String request) {
            super(request, "401 Unauthorized", null);
        }

        @Override
        public String userMessage() {
            return "Jellyfin did not accept the token (it may have been revoked)";
        }
    }

    /** 403: the token is valid but lacks the permission. */
    public static final class Forbidden extends JellyfinException {
        public Forbidden(String request) {
            super(request, "403 Forbidden", null);
        }

        @Override
        public String userMessage() {
            return "Jellyfin refused the request (missing permission)";
        }
    }

    /** 404: the item or user does not exist or is not visible to the user. */
    public static final class NotFound extends JellyfinException {
        public NotFound(String request) {
            super(request, "404 Not Found", null);
        }

        @Override
        public String userMessage() {
            return "not found on Jellyfin";
        }
    }

    /** No HTTP response: see {@link Reason}. */
    public static final class Unreachable extends JellyfinException {
        private final Reason reason;

        public Unreachable(String request, Reason reason, Throwable cause) {
            super(request, reason.sentence(), cause);
            this.reason = reason;
        }

        /** Transient failures only; a bad host name or TLS set-up needs a person, and an interrupt means stop. */
        @Override
        public boolean retryable() {
            return reason != Reason.UNKNOWN_HOST && reason != Reason.TLS_HANDSHAKE_FAILED && reason != Reason.INTERRUPTED;
        }

        public Reason reason() {
            return reason;
        }

        @Override
        public String userMessage() {
            return reason.sentence();
        }

        /** Why no response arrived, with the sentence to show. */
        public enum Reason {
            CONNECTION_REFUSED("connection refused"),
            UNKNOWN_HOST("host not found"),
            TLS_HANDSHAKE_FAILED("TLS handshake failed"),
            TIMED_OUT("timed out"),
            CONNECTION_CLOSED("connection closed by the server"),
            INTERRUPTED("interrupted"),
            NETWORK_ERROR("network error");

            private final String sentence;

            Reason(String sentence) {
                this.sentence = sentence;
            }

            public String sentence() {
                return sentence;
            }
        }
    }

    /** A 2xx answer that is not Jellyfin's JSON; {@link #problem()} says how. */
    public static final class NotJellyfin extends JellyfinException {
        private final Problem problem;

        /** JSON of an unexpected shape; {@code why} says what was expected. */
        public NotJellyfin(String request, String why) {
            this(request, Problem.UNEXPECTED_SHAPE, why);
        }

        public NotJellyfin(String request, Problem problem, String why) {
            super(request, "not a Jellyfin answer: " + why, null);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }

        @Override
        public String userMessage() {
            return switch (problem) {
                case HTML_PAGE -> "the server does not look like Jellyfin: it answered with an HTML page "
                        + "(a proxy or sign-in page?); check the URL and base path";
                case MALFORMED_JSON -> "Jellyfin sent JSON that is cut off or malformed";
                case EMPTY -> "Jellyfin sent an empty answer where data was due";
                case UNEXPECTED_SHAPE -> "the server does not look like Jellyfin (check the URL and base path)";
            };
        }

        /** How the answer failed to be Jellyfin's JSON. */
        public enum Problem {
            HTML_PAGE, MALFORMED_JSON, EMPTY, UNEXPECTED_SHAPE
        }
    }

    /** Any other HTTP status. */
    public static final class UnexpectedStatus extends JellyfinException {
        private final int status;

        public UnexpectedStatus(String request, int status) {
            super(request, "HTTP " + status, null);
            this.status = status;
        }

        @Override
        public boolean retryable() {
            return status >= 500;
        }

        public int status() {
            return status;
        }

        @Override
        public String userMessage() {
            return status == 503 ? "Jellyfin is starting up (HTTP 503)" : "Jellyfin answered HTTP " + status;
        }
    }
}
