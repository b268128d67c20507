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
    STARTING_UP
}
