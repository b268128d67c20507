package app.pathary.testing;

/** What the next requests to {@link FakeRadarr} or {@link FakeSonarr} suffer instead of an answer. */
public enum FakeArrFault {
    /** HTTP 500 with {@code {"message","description"}}, as an unhandled exception in the *arr. */
    SERVER_ERROR,
    /** No answer until the fake is closed (or 5 minutes): the client's timeout fires. */
    HANG,
    /** The connection is closed before any response byte. */
    DROP_CONNECTION,
    /** HTTP 200 with an HTML sign-in page, like an authenticating proxy in front of the *arr. */
    HTML_PAGE,
    /** HTTP 503 {@code {"errorMessage":"... is starting up ..."}}, once. */
    STARTING_UP,
    /** HTTP 502 with nginx's HTML error page, like a reverse proxy whose *arr is down. */
    BAD_GATEWAY,
    /** HTTP 200 {@code application/json} whose body stops mid-way, like a proxy that cut the answer short. */
    TRUNCATED_JSON,
    /** HTTP 200 with a JSON object of another shape ({@code {"page":1,...,"records":[]}}), where a list is due. */
    WRONG_SHAPE,
    /** HTTP 200 that promises a body and closes the connection half-way through it. */
    CUT_OFF,
    /** HTTP 200 that sends half its body and then nothing more until the fake is closed (or 5 minutes). */
    STALL,
    /** HTTP 200 with no body at all, where a GET is due its JSON. */
    EMPTY_BODY
}
