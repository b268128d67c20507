package app.pathary.common;

/**
 * Told of each request to a remote system that failed, with a short fixed reason ({@code connection_refused},
 * {@code unauthorized}, {@code status_5xx}, {@code html_page} ...); the composition root counts them for
 * {@code /metrics}. Never told a URL, a key or a message.
 */
@FunctionalInterface
public interface RemoteFailures {
    RemoteFailures IGNORED = (system, reason) -> { };

    /** @param system {@code jellyfin}, {@code radarr} or {@code sonarr} */
    void failed(String system, String reason);

    /** {@code status_4xx} or {@code status_5xx} (or {@code status_other}) for an HTTP status. */
    static String status(int status) {
        return status >= 400 && status <= 599 ? "status_" + status / 100 + "xx" : "status_other";
    }
}
