package app.pathary.testing;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.history.EpisodeWatchDate;
import app.pathary.history.HistoryFilter;
import app.pathary.history.HistoryQueries.SortOrder;
import app.pathary.jellyfin.link.RecentDeliveries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;

/**
 * The set-up of the webhook tests: Pathary's member "alice" (password1) with her webhook address, her Jellyfin login
 * as the fake's "alice" (jf-password) when asked for, and the plugin that posts to the address (the fake's
 * {@link FakeJellyfin#webhooks() emitter}).
 */
public record WebhookUser(TestApp app, FakeJellyfin jellyfin, long userId, URI webhook) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Creates alice in {@code app} with a webhook address; {@code loggedIn}: she also logs in to {@code jellyfin}. */
    public static WebhookUser alice(TestApp app, FakeJellyfin jellyfin, boolean loggedIn) {
        long userId = app.app.users.accounts().create("alice@example.org", "password1", "alice", false).id();
        URI webhook = URI.create(app.baseUrl() + "/api/webhook/jellyfin/" + app.app.jellyfinLink.webhookUrls().regenerate(userId));
        if (loggedIn) {
            app.app.jellyfinLink.login().saveServerUrl(userId, jellyfin.baseUrl().toString());
            app.app.jellyfinLink.login().logIn(userId, "alice", "jf-password");
        }
        return new WebhookUser(app, jellyfin, userId, webhook);
    }

    /** Posts {@code payload} to her address as the plugin does; asserts the 200 and answers the JSON reply. */
    public JsonNode send(String payload) throws Exception {
        FakeJellyfinWebhooks.Delivery delivery = jellyfin.webhooks().post(webhook, payload);
        assertThat(delivery.status()).isEqualTo(200);
        return JSON.readTree(delivery.body());
    }

    /** Her episode dates, newest first (the first page of 50). */
    public List<EpisodeWatchDate> episodeDates() {
        return app.app.history.episodeQueries().page(userId, HistoryFilter.none(), 1, 50, SortOrder.DESC).entries();
    }

    /** The latest webhook delivery logged for her. */
    public RecentDeliveries.Delivery lastDelivery() {
        return app.app.scrobble.deliveries().latest(userId, 1).getFirst();
    }
}
