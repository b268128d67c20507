package app.pathary.jellyfin.link;

import app.pathary.common.SecretBox;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** A user's link to Jellyfin: the stored link, the login (token sealed), the secret webhook URL, and the Jellyfin page. */
public final class JellyfinLinkFacade {
    private final JellyfinLinkRepository links;
    private final JellyfinLogin login;
    private final WebhookUrls webhookUrls;
    private final JellyfinWrites writes;

    private JellyfinLinkFacade(JellyfinLinkRepository links, JellyfinLogin login, WebhookUrls webhookUrls, JellyfinWrites writes) {
        this.links = links;
        this.login = login;
        this.webhookUrls = webhookUrls;
        this.writes = writes;
    }

    /** What the link needs: the database (writes, reads), the clock, the Jellyfin client, the key for secrets, the public URL
     * and BASE_PATH, and whether this process is the database's only instance (SQLite: links read per delivery may be kept). */
    public record Wiring(Jdbi jdbi, Jdbi reads, Clock clock, JellyfinClient client, SecretBox secrets, Optional<URI> applicationUrl,
            String basePath, boolean oneInstance) {
    }

    public static JellyfinLinkFacade wire(Wiring wiring) {
        JellyfinLinkRepository links = new JellyfinLinkRepository(wiring.jdbi(), wiring.reads(), wiring.clock(), wiring.oneInstance());
        return new JellyfinLinkFacade(links, new JellyfinLogin(links, wiring.client(), wiring.secrets()),
                new WebhookUrls(links, wiring.applicationUrl(), wiring.basePath()), new JellyfinWrites(wiring.jdbi(), wiring.reads(), wiring.clock()));
    }

    /** What Pathary itself wrote to each user's Jellyfin, to recognise its echoes. */
    public JellyfinWrites writes() {
        return writes;
    }

    public JellyfinLinkRepository links() {
        return links;
    }

    public JellyfinLogin login() {
        return login;
    }

    public WebhookUrls webhookUrls() {
        return webhookUrls;
    }

    /**
     * The Jellyfin page; {@code adminServer} is the admin's Jellyfin (address and API key) when configured: its address
     * is every member's default server, and its users can be chosen without a password.
     */
    public List<WebRoutes> routes(Pages pages, RecentDeliveries deliveries, JellyfinSettingsPages.DeviceSummary device,
            JellyfinClient client, Supplier<Optional<JellyfinServer>> adminServer) {
        var household = new JellyfinSettingsPages.Household(device, new JellyfinUserChoice(links, client, adminServer));
        return List.of(new JellyfinSettingsPages(pages, links, webhookUrls, login, deliveries, household));
    }
}
