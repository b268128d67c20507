package app.pathary.jellyfin.scrobble;

import app.pathary.common.InvalidInputException;
import app.pathary.common.NotFoundException;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.jellyfin.link.WebhookUrls;
import app.pathary.movie.MovieJson;
import app.pathary.show.ShowJson;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code POST /api/webhook/jellyfin/{id}}: where the Jellyfin webhook plugin posts. The secret id in the path is the
 * only credential; any Content-Type is accepted (the plugin sends text/plain); bodies over 1 MiB get 413.
 */
final class WebhookApi implements WebRoutes {
    static final int MAX_BODY = 1024 * 1024;
    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
    private static final Pattern WEBHOOK_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private final JellyfinLinkRepository links;
    private final Scrobbler scrobbler;
    private final MeterRegistry meters;
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();

    public WebhookApi(JellyfinLinkRepository links, Scrobbler scrobbler, MeterRegistry meters) {
        this.links = links;
        this.scrobbler = scrobbler;
        this.meters = meters;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(WebhookUrls.PATH + "{id}", this::counted, Role.MACHINE);
    }

    /**
     * {@code pathary_webhook_deliveries_total{result}}: recorded, duplicate, ignored (the scrobbler's outcomes),
     * unknown_webhook (no such secret URL), invalid (a body that is not a webhook payload), too_large, error.
     */
    private void counted(Context ctx) {
        String result = "error";
        try {
            result = deliver(ctx);
        } catch (NotFoundException e) {
            result = "unknown_webhook";
            throw e;
        } catch (InvalidInputException e) {
            result = "invalid";
            throw e;
        } finally {
            deliveries.computeIfAbsent(result, r -> meters.counter("pathary.webhook.deliveries", "result", r)).increment();
        }
    }

    private String deliver(Context ctx) {
        if (ctx.contentLength() > MAX_BODY) {
            tooLarge(ctx);
            return "too_large";
        }
        String id = ctx.pathParam("id");
        if (!WEBHOOK_ID.matcher(id).matches()) {
            throw new NotFoundException("There is no webhook at this URL.");
        }
        JellyfinLink link = links.byWebhookId(id.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("There is no webhook at this URL; it may have been regenerated."));
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY) {
            tooLarge(ctx);
            return "too_large";
        }
        Scrobbler.Outcome outcome = scrobbler.handle(link, body);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", outcome.result());
        if (outcome.movie() != null || outcome.episode() != null) {
            if (outcome.movie() != null) {
                json.put("movie", MovieJson.of(outcome.movie()));
            } else {
                json.put("show", ShowJson.of(outcome.show()));
                json.put("episode", ShowJson.of(outcome.episode()));
            }
            json.put("watchedAt", outcome.watchedAt().toString());
            if (outcome.reason() != null) {
                json.put("note", outcome.reason());
            }
        } else if (outcome.reason() != null && !outcome.result().equals("duplicate")) {
            json.put("reason", outcome.reason());
        }
        ctx.json(json);
        return outcome.result();
    }

    /**
     * Answers 413. A body the client already declared (up to the server's 16 MiB cap) is read and dropped first: a
     * server that closes on unread bytes makes the client's TCP stack reset the connection, and the client then
     * sees "connection reset" instead of the 413 it was sent.
     */
    private static void tooLarge(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > 0 && declared <= DRAIN_LIMIT) {
            try {
                var in = ctx.req().getInputStream();
                byte[] sink = new byte[64 * 1024];
                long left = declared;
                int n;
                while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                    left -= n;
                }
            } catch (java.io.IOException gone) {
                // the client stopped sending; the answer below is all it can still get
            }
        }
        ctx.status(413).json(Map.of("error", "The body is larger than 1 MiB."));
    }
}
