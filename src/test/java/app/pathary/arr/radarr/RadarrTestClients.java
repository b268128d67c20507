package app.pathary.arr.radarr;

import java.net.http.HttpClient;
import java.time.Duration;

/** The client configuration the tests use: short timeouts. */
final class RadarrTestClients {

    private RadarrTestClients() {
    }

    static HttpRadarrClient client() {
        return client(Duration.ofSeconds(10));
    }

    static HttpRadarrClient client(Duration requestTimeout) {
        return new HttpRadarrClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), requestTimeout);
    }
}
