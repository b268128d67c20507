package app.pathary.web;

import io.javalin.http.Context;

/** The address a request came from, as the TCP peer (forwarding headers are not trusted for security decisions). */
public final class ClientAddress {
    private ClientAddress() {
    }

    public static String of(Context ctx) {
        return ctx.ip();
    }
}
