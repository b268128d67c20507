package app.pathary.jellyfin.link;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * Each user's secret webhook URL: {@code <base>/api/webhook/jellyfin/<random UUID v4>}. Regenerating replaces the id
 * (the old URL stops working at once); deleting removes it. The base is {@code APPLICATION_URL} (BASE_PATH included),
 * else the request's own address and BASE_PATH (X-Forwarded-Proto and X-Forwarded-Host count when a trusted proxy sent
 * them: the server resolves {@code ctx.scheme()} and {@code ctx.host()} so).
 */
public final class WebhookUrls {
    public static final String PATH = "/api/webhook/jellyfin/";
    private final JellyfinLinkRepository links;
    private final Optional<URI> applicationUrl;
    private final String basePath;

    public WebhookUrls(JellyfinLinkRepository links, Optional<URI> applicationUrl, String basePath) {
        this.links = links;
        this.applicationUrl = applicationUrl;
        this.basePath = basePath;
    }

    public String regenerate(long userId) {
        String id = UUID.randomUUID().toString();
        links.setWebhookId(userId, id);
        return id;
    }

    public void delete(long userId) {
        links.setWebhookId(userId, null);
    }

    public boolean hasApplicationUrl() {
        return applicationUrl.isPresent();
    }

    /** The full URL for a webhook id, based on APPLICATION_URL or, without it, on the request. */
    public String url(String webhookId, Context ctx) {
        return base(ctx) + PATH + webhookId;
    }

    /** The full URL without a request (CLI): needs APPLICATION_URL, else a placeholder base is shown. */
    public String url(String webhookId) {
        return applicationUrl.map(URI::toString).orElse("http://<pathary-address>" + basePath) + PATH + webhookId;
    }

    private String base(Context ctx) {
        if (applicationUrl.isPresent()) {
            return applicationUrl.get().toString();
        }
        String basePath = ctx.contextPath() == null || ctx.contextPath().equals("/") ? "" : ctx.contextPath();
        return ctx.scheme() + "://" + ctx.host() + basePath;
    }
}
