package app.pathary.jellyfin.client;

import app.pathary.common.RetryPolicy;
import java.net.http.HttpClient;
import java.time.Duration;

/** The client configuration the tests use: Pathary's identity, short timeouts, and no retries unless asked for. */
final class JellyfinTestClients {

    static final ClientIdentity IDENTITY = new ClientIdentity("Pathary", "Test Box", "pathary-test-device", "0.1.0");

    private JellyfinTestClients() {
    }

    static HttpJellyfinClient client() {
        return client(IDENTITY, Duration.ofSeconds(10));
    }

    static HttpJellyfinClient client(ClientIdentity identity, Duration requestTimeout) {
        HttpClient http = app.pathary.common.HttpClients.create(Duration.ofSeconds(2));
        return new HttpJellyfinClient(http, identity, requestTimeout);
    }

    /** A client that makes up to {@code attempts} attempts at a read that fails for a passing reason, without waiting. */
    static HttpJellyfinClient retrying(int attempts) {
        HttpClient http = app.pathary.common.HttpClients.create(Duration.ofSeconds(2));
        return new HttpJellyfinClient(http, IDENTITY, Duration.ofSeconds(1), new RetryPolicy(attempts, Duration.ZERO));
    }
}
