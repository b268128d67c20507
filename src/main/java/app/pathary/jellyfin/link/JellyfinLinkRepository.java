package app.pathary.jellyfin.link;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Stores each user's {@link JellyfinLink}. A user without a row has the defaults of {@link JellyfinLink#empty}. Links
 * are read on every webhook delivery and history change, so reads use the read connections and leave the writer free.
 */
public final class JellyfinLinkRepository {
    private static final RowMapper<JellyfinLink> LINK = (rs, ctx) -> new JellyfinLink(rs.getLong("user_id"),
            rs.getString("webhook_id"), rs.getBoolean("scrobble_enabled"), rs.getString("server_url"),
            rs.getString("jellyfin_user_id"), rs.getString("jellyfin_user_name"), rs.getString("access_token"),
            rs.getBoolean("login_invalid"), rs.getBoolean("sync_enabled"));
    private final Jdbi jdbi;
    private final Jdbi reads;
    private final Clock clock;

    public JellyfinLinkRepository(Jdbi jdbi, Jdbi reads, Clock clock) {
        this.jdbi = jdbi;
        this.reads = reads;
        this.clock = clock;
    }

    public JellyfinLink of(long userId) {
        return reads.withHandle(h -> of(h, userId));
    }

    /** The user's link read through {@code h} (e.g. inside the transaction of a history change). */
    public JellyfinLink of(Handle h, long userId) {
        return h.createQuery("SELECT * FROM jellyfin_links WHERE user_id = :u")
                .bind("u", userId).map(LINK).findOne().orElse(JellyfinLink.empty(userId));
    }

    public Optional<JellyfinLink> byWebhookId(String webhookId) {
        return reads.withHandle(h -> h.createQuery("SELECT * FROM jellyfin_links WHERE webhook_id = :w")
                .bind("w", webhookId).map(LINK).findOne());
    }

    /** Switches scrobbling of webhook deliveries on or off. */
    public void setScrobbling(long userId, boolean on) {
        JellyfinLink link = of(userId);
        save(new JellyfinLink(userId, link.webhookId(), on, link.serverUrl(), link.jellyfinUserId(), link.jellyfinUserName(),
                link.sealedToken(), link.loginInvalid(), link.syncEnabled()));
    }

    /** Switches automatic export of history changes on or off. */
    public void setSync(long userId, boolean on) {
        JellyfinLink link = of(userId);
        save(new JellyfinLink(userId, link.webhookId(), link.scrobbleEnabled(), link.serverUrl(), link.jellyfinUserId(),
                link.jellyfinUserName(), link.sealedToken(), link.loginInvalid(), on));
    }

    /** Writes the whole link (insert or update). */
    public void save(JellyfinLink link) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO jellyfin_links (user_id, webhook_id, scrobble_enabled, server_url, jellyfin_user_id,
                            jellyfin_user_name, access_token, login_invalid, sync_enabled, updated_at)
                        VALUES (:u, :webhook, :scrobble, :server, :jfUser, :jfName, :token, :invalid, :sync, :now)
                        ON CONFLICT (user_id) DO UPDATE SET webhook_id = excluded.webhook_id,
                            scrobble_enabled = excluded.scrobble_enabled, server_url = excluded.server_url,
                            jellyfin_user_id = excluded.jellyfin_user_id, jellyfin_user_name = excluded.jellyfin_user_name,
                            access_token = excluded.access_token, login_invalid = excluded.login_invalid,
                            sync_enabled = excluded.sync_enabled, updated_at = excluded.updated_at""")
                .bind("u", link.userId()).bind("webhook", link.webhookId()).bind("scrobble", link.scrobbleEnabled())
                .bind("server", link.serverUrl()).bind("jfUser", link.jellyfinUserId()).bind("jfName", link.jellyfinUserName())
                .bind("token", link.sealedToken()).bind("invalid", link.loginInvalid()).bind("sync", link.syncEnabled())
                .bind("now", clock.millis()).execute());
    }
}
