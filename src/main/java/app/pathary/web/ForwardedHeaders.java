package app.pathary.web;

import app.pathary.config.TrustedProxies;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What a request says about its client, believed only when it came through a trusted proxy ({@code TRUSTED_PROXIES}).
 * From any other address the TCP peer is the client, the connection's scheme and the Host header stand, and
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code X-Request-Id} are ignored, so nobody can pick
 * the address a login lockout counts against or the host a webhook URL is built on.
 *
 * <p>Behind trusted proxies the client is the right-most address of {@code X-Forwarded-For} that is not itself a
 * trusted proxy (each proxy appends the address it got the request from, so everything left of that could be made up).
 */
public final class ForwardedHeaders {
    private final TrustedProxies proxies;

    public ForwardedHeaders(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /** Whether the TCP peer of this request is a trusted proxy. */
    public boolean fromTrustedProxy(HttpServletRequest request) {
        return proxies.trusts(request.getRemoteAddr());
    }

    /** The client's address. */
    public String clientAddress(Context ctx) {
        HttpServletRequest request = ctx.req();
        String peer = request.getRemoteAddr();
        if (!proxies.trusts(peer)) {
            return peer;
        }
        String chain = joined(request, "X-Forwarded-For");
        if (chain == null) {
            return peer;
        }
        String[] hops = chain.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = unbracketed(hops[i].strip());
            if (TrustedProxies.literal(hop).isEmpty()) {
                return client; // garbage: believe nothing left of it; the hop that passed it on is the client
            }
            client = hop;
            if (!proxies.trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** {@code https} or {@code http}: the proxy's {@code X-Forwarded-Proto} when trusted, else the connection's. */
    public String scheme(Context ctx) {
        String scheme = ctx.req().getScheme();
        if (fromTrustedProxy(ctx.req())) {
            String proto = first(ctx.req().getHeader("X-Forwarded-Proto"));
            if (proto != null && proto.matches("https?")) {
                return proto;
            }
        }
        return scheme;
    }

    /** The host (and port) the client asked for: the proxy's {@code X-Forwarded-Host} when trusted, else {@code Host}. */
    public String host(Context ctx) {
        if (fromTrustedProxy(ctx.req())) {
            String forwarded = first(ctx.req().getHeader("X-Forwarded-Host"));
            if (forwarded != null && isHost(forwarded)) {
                return forwarded;
            }
        }
        String host = ctx.req().getHeader("Host");
        return host != null && isHost(host) ? host : ctx.req().getServerName();
    }

    private static boolean isHost(String value) {
        return value.matches("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");
    }

    private static String unbracketed(String hop) {
        return hop.startsWith("[") && hop.contains("]") ? hop.substring(1, hop.indexOf(']')) : hop;
    }

    /** Every value of a header that may be sent several times, joined with commas as RFC 9110 allows. */
    private static String joined(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        return String.join(",", java.util.Collections.list(values));
    }

    private static String first(String header) {
        return header == null ? null : header.split(",")[0].strip().toLowerCase(Locale.ROOT);
    }
}
