package app.pathary.arr.radarr;

import app.pathary.common.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Duration;

/** The client configuration the tests use: short timeouts, and no retries unless asked for. */
final class RadarrTestClients {

    private RadarrTestClients() {
    }

    static HttpRadarrClient client() {
        return client(Duration.ofSeconds(10));
    }

    static HttpRadarrClient client(Duration requestTimeout) {
        return client(requestTimeout, RetryPolicy.ONCE);
    }

    /** A client that makes up to {@code attempts} attempts at a read that fails for a passing reason, without waiting. */
    static HttpRadarrClient retrying(int attempts) {
        return client(Duration.ofSeconds(1), new RetryPolicy(attempts, Duration.ZERO));
    }

    static HttpRadarrClient client(Duration requestTimeout, RetryPolicy reads) {
        return new HttpRadarrClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), requestTimeout, reads);
    }
}
