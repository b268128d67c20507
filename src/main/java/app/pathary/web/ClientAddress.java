package app.pathary.web;

import io.javalin.http.Context;

/**
 * The address a request came from: the TCP peer, or behind a proxy listed in {@code TRUSTED_PROXIES} the client that
 * proxy names in {@code X-Forwarded-For} (see {@link ForwardedHeaders}; the server resolves {@code ctx.ip()} with it).
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(Context ctx) {
        return ctx.ip();
    }
}
