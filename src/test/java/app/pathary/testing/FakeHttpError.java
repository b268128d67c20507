package app.pathary.testing;

/** Ends a fake request with a status and a short text body (Jellyfin's error bodies are not to be relied on). */
final class FakeHttpError extends RuntimeException {

    final int status;

    FakeHttpError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static FakeHttpError badRequest(String message) {
        return new FakeHttpError(400, message);
    }

    static FakeHttpError notFound(String message) {
        return new FakeHttpError(404, message);
    }
}
