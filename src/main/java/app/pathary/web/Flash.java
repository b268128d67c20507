package app.pathary.web;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A one-time message shown on the next page (after a redirect), e.g. "Watch date added." or an error. */
public final class Flash {
    private static final String NOW = "pathary.flash.now";
    private Flash() {
    }

    public record Message(String kind, String text) {
    }

    public static void success(Context ctx, String text) {
        put(ctx, "success", text);
    }

    public static void error(Context ctx, String text) {
        put(ctx, "danger", text);
    }

    /** An error for the page rendered by this very request (a 4xx answer that shows the form again). */
    public static void errorNow(Context ctx, String text) {
        ctx.attribute(NOW, new Message("danger", text));
    }

    private static void put(Context ctx, String kind, String text) {
        Cookies.set(ctx, Cookies.FLASH, URLEncoder.encode(kind + ":" + text, StandardCharsets.UTF_8), 60);
    }

    /** Takes the pending message, if any, and clears it. */
    static Message take(Context ctx) {
        Message now = ctx.attribute(NOW);
        if (now != null) {
            return now;
        }
        String raw = ctx.cookie(Cookies.FLASH);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Cookies.clear(ctx, Cookies.FLASH);
        String value = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        int colon = value.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String kind = value.substring(0, colon);
        return new Message("success".equals(kind) ? "success" : "danger", value.substring(colon + 1));
    }
}
