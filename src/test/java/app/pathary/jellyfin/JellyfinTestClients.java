package app.pathary.jellyfin;

import java.net.http.HttpClient;
import java.time.Duration;

/** The client configuration the tests use: Pathary's identity, short timeouts. */
final class JellyfinTestClients {

    static final ClientIdentity IDENTITY = new ClientIdentity("Pathary", "Test Box", "pathary-test-device", "0.1.0");

    private JellyfinTestClients() {
    }

    static HttpJellyfinClient client() {
        return client(IDENTITY, Duration.ofSeconds(10));
    }

    static HttpJellyfinClient client(ClientIdentity identity, Duration requestTimeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return new HttpJellyfinClient(http, identity, requestTimeout);
    }
}
