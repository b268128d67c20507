package app.pathary.jellyfin.scrobble;

import app.pathary.db.Database;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.jellyfin.link.RecentDeliveries;
import app.pathary.web.WebRoutes;
import java.time.Clock;
import java.time.ZoneId;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** Plays from the Jellyfin Webhook plugin: the webhook endpoint, the payload rules and the delivery log. */
public final class ScrobbleFacade {
    private final DeliveryLog deliveries;
    private final Scrobbler scrobbler;

    private ScrobbleFacade(DeliveryLog deliveries, Scrobbler scrobbler) {
        this.deliveries = deliveries;
        this.scrobbler = scrobbler;
    }

    public static ScrobbleFacade wire(Database database, WatchHistory history, Clock clock, ZoneId zone,
            app.pathary.jellyfin.link.JellyfinWrites writes) {
        DeliveryLog log = new DeliveryLog(database.writes(), database.reads(), clock);
        return new ScrobbleFacade(log, new Scrobbler(history, log, clock, zone, writes));
    }

    /** The latest deliveries of a user, for the Jellyfin page. */
    public RecentDeliveries deliveries() {
        return deliveries;
    }

    /** The webhook endpoint; it counts deliveries by result in {@code meters}. */
    public List<WebRoutes> routes(JellyfinLinkRepository links, MeterRegistry meters) {
        return List.of(new WebhookApi(links, scrobbler, meters));
    }
}
