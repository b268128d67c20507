package app.pathary.arr;

/**
 * Why a call to Radarr or Sonarr failed. The clients throw only these, so callers can {@code switch} over
 * the sealed hierarchy:
 * <ul>
 *   <li>{@link Unauthorized} 401: missing or wrong API key (the *arr answers with an empty body).</li>
 *   <li>{@link NotFound} 404: see {@link NotFound#answeredByArr()} before reading it as "gone".</li>
 *   <li>{@link Conflict} 409: a safety check refused the change, e.g. the root folder is missing or empty
 *       (an unmounted share); the server's sentence is kept. Alert rather than retry.</li>
 *   <li>{@link StartingUp} 503: the *arr is starting; try again later.</li>
 *   <li>{@link Unreachable}: no HTTP answer at all; {@link Unreachable#reason()} says why.</li>
 *   <li>{@link NotArr}: a 2xx answer that is not the *arr's JSON: an HTML page (a proxy), JSON cut off or
 *       malformed, no body where one was due, or JSON of another shape (another product, a wrong URL base);
 *       {@link NotArr#problem()} says which.</li>
 *   <li>{@link UnexpectedStatus}: any other status, e.g. 400 or 500, with the server's message if any.</li>
 * </ul>
 * Messages name the product, instance, method and route, never the API key or a query string.
 */
public abstract sealed class ArrException extends RuntimeException {

    private final String product;
    private final String request;

    private ArrException(String product, String request, String outcome, Throwable cause) {
        super(request + " -> " + outcome, cause);
        this.product = product;
        this.request = request;
    }

    /** {@code Radarr} or {@code Sonarr}. */
    public String product() {
        return product;
    }

    /** Product, instance, method and route, e.g. {@code Radarr (main) GET /api/v3/movie}; safe to show. */
    public String request() {
        return request;
    }

    /** A short sentence for the user interface. */
    public abstract String userMessage();

    /** Whether the same call may succeed later without anyone changing anything. */
    public boolean retryable() {
        return false;
    }

    private static String withMessage(String outcome, String serverMessage) {
        return serverMessage == null ? outcome : outcome + ": " + serverMessage;
    }

    /** 401: the API key is missing or wrong. */
    public static final class Unauthorized extends ArrException {
        public Unauthorized(String product, String request) {
            super(product, request, "401 Unauthorized", null);
        }

        @Override
        public String userMessage() {
            return product() + " did not accept the API key";
        }
    }

    /**
     * 404. With {@link #answeredByArr()} the *arr itself said the id does not exist (a JSON
     * {@code message} or a ProblemDetails body): for a delete that means "already gone". Without it the
     * route itself was not found (wrong URL base, a proxy, an older version), which proves nothing.
     */
    public static final class NotFound extends ArrException {
        private final String serverMessage;
        private final boolean answeredByArr;

        public NotFound(String product, String request, String serverMessage, boolean answeredByArr) {
            super(product, request, withMessage("404 Not Found", serverMessage), null);
            this.serverMessage = serverMessage;
            this.answeredByArr = answeredByArr;
        }

        /** e.g. {@code Movie with ID 7 does not exist}, or {@code null}. */
        public String serverMessage() {
            return serverMessage;
        }

        public boolean answeredByArr() {
            return answeredByArr;
        }

        @Override
        public String userMessage() {
            return serverMessage != null ? serverMessage : "not found on " + product();
        }
    }

    /** 409: refused by a safety check; {@link #serverMessage()} says which. */
    public static final class Conflict extends ArrException {
        private final String serverMessage;

        public Conflict(String product, String request, String serverMessage) {
            super(product, request, withMessage("409 Conflict", serverMessage), null);
            this.serverMessage = serverMessage;
        }

        /** e.g. {@code Movie's root folder (/movies) doesn't exist.}, or {@code null}. */
        public String serverMessage() {
            return serverMessage;
        }

        @Override
        public String userMessage() {
            return serverMessage != null ? product() + " refused: " + serverMessage
                    : product() + " refused the change (conflict)";
        }
    }

    /** 503: the *arr is starting up. */
    public static final class StartingUp extends ArrException {
        public StartingUp(String product, String request) {
            super(product, request, "503 starting up", null);
        }

        @Override
        public String userMessage() {
            return product() + " is starting up; try again in a moment";
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** No HTTP response: see {@link Reason}. */
    public static final class Unreachable extends ArrException {
        private final Reason reason;

        public Unreachable(String product, String request, Reason reason, Throwable cause) {
            super(product, request, reason.sentence(), cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        @Override
        public String userMessage() {
            return product() + ": " + reason.sentence();
        }

        /** Transient failures only; a bad host name or TLS set-up needs a person, and an interrupt means stop. */
        @Override
        public boolean retryable() {
            return reason != Reason.UNKNOWN_HOST && reason != Reason.TLS_HANDSHAKE_FAILED && reason != Reason.INTERRUPTED;
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

    /** A 2xx answer that is not the *arr's JSON; {@link #problem()} says how. */
    public static final class NotArr extends ArrException {
        private final Problem problem;

        /** JSON of an unexpected shape; {@code why} says what was expected. */
        public NotArr(String product, String request, String why) {
            this(product, request, Problem.UNEXPECTED_SHAPE, why);
        }

        public NotArr(String product, String request, Problem problem, String why) {
            super(product, request, "not a " + product + " answer: " + why, null);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }

        @Override
        public String userMessage() {
            return switch (problem) {
                case HTML_PAGE -> "the server does not look like " + product()
                        + ": it answered with an HTML page (a proxy or sign-in page?); check the URL and URL base";
                case MALFORMED_JSON -> product() + " sent JSON that is cut off or malformed";
                case EMPTY -> product() + " sent an empty answer where data was due";
                case UNEXPECTED_SHAPE -> "the server does not look like " + product() + " (check the URL and URL base)";
            };
        }

        /** How the answer failed to be the *arr's JSON. */
        public enum Problem {
            HTML_PAGE, MALFORMED_JSON, EMPTY, UNEXPECTED_SHAPE
        }
    }

    /** Any other HTTP status. */
    public static final class UnexpectedStatus extends ArrException {
        private final int status;
        private final String serverMessage;

        public UnexpectedStatus(String product, String request, int status, String serverMessage) {
            super(product, request, withMessage("HTTP " + status, serverMessage), null);
            this.status = status;
            this.serverMessage = serverMessage;
        }

        public int status() {
            return status;
        }

        /** The body's {@code message} (or validation messages), or {@code null}. */
        public String serverMessage() {
            return serverMessage;
        }

        @Override
        public String userMessage() {
            return product() + " answered HTTP " + status
                    + (serverMessage == null ? "" : ": " + serverMessage.strip().replaceAll("\\.+$", ""));
        }

        /**
         * Gateway errors; a 500 is the *arr's own failure and needs a look at the state first (the transport still
         * sends a read again after any 5xx, as repeating a read changes nothing).
         */
        @Override
        public boolean retryable() {
            return status == 502 || status == 504;
        }
    }
}
