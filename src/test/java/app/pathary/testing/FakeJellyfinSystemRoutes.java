package app.pathary.testing;

import java.util.function.Supplier;

/** {@code /System/Info/Public} (anonymous), {@code /System/Info} (any token) and {@code /System/Ping}. */
final class FakeJellyfinSystemRoutes {

    private FakeJellyfinSystemRoutes() {
    }

    static void register(FakeJellyfinRoutes routes, FakeJellyfinState state, Supplier<String> localAddress) {
        routes.anonymous("GET", "/System/Info/Public", (exchange, path) ->
                exchange.json(200, FakeJellyfinJson.publicSystemInfo(state, localAddress.get())));
        routes.add("GET", "/System/Info", (exchange, path) ->
                exchange.json(200, FakeJellyfinJson.systemInfo(state, localAddress.get())));
        routes.anonymous("GET", "/System/Ping", (exchange, path) ->
                exchange.text(200, "text/plain; charset=utf-8", "Jellyfin Server"));
    }
}
