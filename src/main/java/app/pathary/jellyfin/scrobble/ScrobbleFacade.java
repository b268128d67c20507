package app.pathary.jellyfin.scrobble;

import app.pathary.db.Database;
import app.pathary.history.EpisodeHistory;
import app.pathary.history.WatchHistory;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.link.JellyfinLogin;
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

    /** What the webhook writes to: movie and episode history; the Jellyfin client and login that name an episode's show. */
    public record Wiring(Database database, WatchHistory history, EpisodeHistory episodes, JellyfinClient client, JellyfinLogin login) {
    }

    public static ScrobbleFacade wire(Wiring wiring, Clock clock, ZoneId zone) {
        Database database = wiring.database();
        DeliveryLog log = new DeliveryLog(database.writes(), database.reads(), clock);
        var episodes = new EpisodeScrobbler(wiring.episodes(), new SeriesLookup(wiring.client(), wiring.login(), clock), log, clock, zone);
        return new ScrobbleFacade(log, new Scrobbler(wiring.history(), log, clock, zone, episodes));
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
