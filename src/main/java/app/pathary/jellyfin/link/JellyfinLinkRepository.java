package app.pathary.jellyfin.link;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * Stores each user's {@link JellyfinLink}. A user without a row has the defaults of {@link JellyfinLink#empty}. Links
 * are read on every webhook delivery and history change, so reads use the read connections and leave the writer free,
 * and on SQLite those two reads go through {@link RecentLinks} (a change made here is seen at once, one made by a CLI
 * command within {@link RecentLinks#TTL}; with PostgreSQL, where replicas share the database, nothing is kept).
 */
public final class JellyfinLinkRepository {
    private static final RowMapper<JellyfinLink> LINK = (rs, ctx) -> new JellyfinLink(rs.getLong("user_id"),
            rs.getString("webhook_id"), rs.getBoolean("scrobble_enabled"), rs.getString("server_url"),
            rs.getString("jellyfin_user_id"), rs.getString("jellyfin_user_name"), rs.getString("access_token"),
            rs.getBoolean("login_invalid"), rs.getBoolean("sync_enabled"), rs.getBoolean("accept_marks"));
    private final Jdbi jdbi;
    private final Jdbi reads;
    private final Clock clock;
    private final RecentLinks recent;

    /** A repository that keeps nothing: every read goes to the database (several instances may share it). */
    public JellyfinLinkRepository(Jdbi jdbi, Jdbi reads, Clock clock) {
        this(jdbi, reads, clock, false);
    }

    /** {@code oneInstance}: only this process serves the database (SQLite), so links read per delivery may be kept. */
    public JellyfinLinkRepository(Jdbi jdbi, Jdbi reads, Clock clock, boolean oneInstance) {
        this.jdbi = jdbi;
        this.reads = reads;
        this.clock = clock;
        this.recent = new RecentLinks(oneInstance ? RecentLinks.TTL : java.time.Duration.ZERO);
    }

    public JellyfinLink of(long userId) {
        return reads.withHandle(h -> of(h, userId));
    }

    /** The user's link read through {@code h} (e.g. inside the transaction of a history change). */
    public JellyfinLink of(Handle h, long userId) {
        return h.createQuery("SELECT * FROM jellyfin_links WHERE user_id = :u")
                .bind("u", userId).map(LINK).findOne().orElse(JellyfinLink.empty(userId));
    }

    /**
     * The user's link as read at most {@link RecentLinks#TTL} ago, through {@code h} when it must be read: for the
     * checks made on every history change (the automatic sync's switch).
     */
    public JellyfinLink recent(Handle h, long userId) {
        return recent.of(userId, () -> of(h, userId));
    }

    /** The link whose secret webhook id this is (as read at most {@link RecentLinks#TTL} ago: once per delivery). */
    public Optional<JellyfinLink> byWebhookId(String webhookId) {
        return recent.byWebhookId(webhookId, () -> reads.withHandle(h -> h.createQuery("SELECT * FROM jellyfin_links WHERE webhook_id = :w")
                .bind("w", webhookId).map(LINK).findOne()));
    }

    /*
     * Each change writes only the columns it owns, in one statement, so changes made at the same time never undo each
     * other: a Jellyfin login that takes seconds cannot bring back a webhook id regenerated meanwhile, nor flip the
     * scrobbling switch back. (Reading the whole row and writing it back did exactly that.)
     */

    /** Switches scrobbling of webhook deliveries on or off. */
    public void setScrobbling(long userId, boolean on) {
        update(userId, "scrobble_enabled = :v", u -> u.bind("v", on));
    }

    /** Switches automatic export of history changes on or off. */
    public void setSync(long userId, boolean on) {
        update(userId, "sync_enabled = :v", u -> u.bind("v", on));
    }

    /** Switches counting of hand marks in Jellyfin ("Mark played", a UserDataSaved delivery) on or off. */
    public void setAcceptMarks(long userId, boolean on) {
        update(userId, "accept_marks = :v", u -> u.bind("v", on));
    }

    /** The LastPlayedDate up to which the catch-up sync has read the user's Jellyfin plays; empty before its first run. */
    public Optional<java.time.Instant> catchupWatermark(long userId) {
        return reads.withHandle(h -> h.createQuery("SELECT catchup_watermark FROM jellyfin_links WHERE user_id = :u"
                + " AND catchup_watermark IS NOT NULL")
                .bind("u", userId).mapTo(Long.class).findOne().map(java.time.Instant::ofEpochMilli));
    }

    /** Records a finished catch-up: the new watermark (never moved back) and the time it ran. */
    public void saveCatchup(long userId, java.time.Instant watermark) {
        update(userId, "catchup_watermark = CASE WHEN catchup_watermark IS NULL OR catchup_watermark < :w THEN :w"
                + " ELSE catchup_watermark END, catchup_at = :at", u -> u.bind("w", watermark.toEpochMilli()).bind("at", clock.millis()));
    }

    /** Users with a Jellyfin login Jellyfin still accepts: the ones the scheduled catch-up reads for. */
    public java.util.List<Long> usersWithLogin() {
        return reads.withHandle(h -> h.createQuery("SELECT user_id FROM jellyfin_links WHERE access_token IS NOT NULL"
                + " AND server_url IS NOT NULL AND login_invalid = :no ORDER BY user_id").bind("no", false).mapTo(Long.class).list());
    }

    /** Sets the secret webhook id ({@code null} deletes the webhook URL). */
    public void setWebhookId(long userId, String webhookId) {
        update(userId, "webhook_id = :v", u -> u.bind("v", webhookId));
    }

    /**
     * Sets the server address. A login made on another address is dropped in the same statement (the caller revokes it
     * on its server first), so no token of the old server ever stays beside the new address.
     */
    public void setServerUrl(long userId, String serverUrl) {
        update(userId, """
                jellyfin_user_id = CASE WHEN server_url = :v THEN jellyfin_user_id END,
                jellyfin_user_name = CASE WHEN server_url = :v THEN jellyfin_user_name END,
                access_token = CASE WHEN server_url = :v THEN access_token END,
                login_invalid = CASE WHEN server_url = :v THEN login_invalid ELSE :no END,
                sync_enabled = CASE WHEN server_url = :v THEN sync_enabled ELSE :no END,
                server_url = :v""", u -> u.bind("v", serverUrl).bind("no", false));
    }

    /**
     * Links to a Jellyfin user chosen from the admin's server, with no token (no password was given); null unlinks. A
     * link with a login keeps its own user: nothing changes then.
     */
    public void chooseJellyfinUser(long userId, String serverUrl, String jellyfinUserId, String jellyfinUserName) {
        update(userId, """
                jellyfin_user_id = CASE WHEN access_token IS NULL THEN :jfUser ELSE jellyfin_user_id END,
                jellyfin_user_name = CASE WHEN access_token IS NULL THEN :jfName ELSE jellyfin_user_name END,
                server_url = CASE WHEN access_token IS NULL AND :server IS NOT NULL THEN :server ELSE server_url END""",
                u -> u.bind("jfUser", jellyfinUserId).bind("jfName", jellyfinUserName).bind("server", serverUrl));
    }

    /**
     * Stores a login made on {@code serverUrl}, provided that is still the saved server (else the address changed while
     * Jellyfin answered, and a token of the old server must not be kept). Returns whether it was stored.
     */
    public boolean saveLogin(long userId, String serverUrl, String jellyfinUserId, String jellyfinUserName, String sealedToken) {
        return changing(() -> jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE jellyfin_links SET jellyfin_user_id = :jfUser, jellyfin_user_name = :jfName, access_token = :token,
                            login_invalid = :invalid, updated_at = :now
                        WHERE user_id = :u AND server_url = :server""")
                .bind("u", userId).bind("server", serverUrl).bind("jfUser", jellyfinUserId).bind("jfName", jellyfinUserName)
                .bind("token", sealedToken).bind("invalid", false).bind("now", clock.millis()).execute())) > 0;
    }

    /**
     * Forgets the login whose sealed token is {@code sealedToken} (and switches automatic export off); a login made
     * since, with another token, stays. Returns whether that login was still there.
     */
    public boolean forgetLogin(long userId, String sealedToken) {
        return changing(() -> jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE jellyfin_links SET jellyfin_user_id = NULL, jellyfin_user_name = NULL, access_token = NULL,
                            login_invalid = :invalid, sync_enabled = :sync, updated_at = :now
                        WHERE user_id = :u AND access_token = :token""")
                .bind("u", userId).bind("token", sealedToken).bind("invalid", false).bind("sync", false)
                .bind("now", clock.millis()).execute())) > 0;
    }

    /** Marks the login with this sealed token as refused by Jellyfin; a newer login stays valid. */
    public void markInvalid(long userId, String sealedToken) {
        changing(() -> jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE jellyfin_links SET login_invalid = :invalid, updated_at = :now
                        WHERE user_id = :u AND access_token = :token""")
                .bind("u", userId).bind("token", sealedToken).bind("invalid", true).bind("now", clock.millis()).execute()));
    }

    /** Creates the user's row with the defaults if there is none, then sets the one column {@code assignment} names. */
    private void update(long userId, String assignment, java.util.function.Consumer<Update> value) {
        JellyfinLink defaults = JellyfinLink.empty(userId);
        changing(() -> jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO jellyfin_links (user_id, scrobble_enabled, login_invalid, sync_enabled, updated_at)
                            VALUES (:u, :scrobble, :invalid, :sync, :now) ON CONFLICT (user_id) DO NOTHING""")
                    .bind("u", userId).bind("scrobble", defaults.scrobbleEnabled()).bind("invalid", defaults.loginInvalid())
                    .bind("sync", defaults.syncEnabled()).bind("now", clock.millis()).execute();
            Update update = h.createUpdate("UPDATE jellyfin_links SET " + assignment + ", updated_at = :now WHERE user_id = :u")
                    .bind("u", userId).bind("now", clock.millis());
            value.accept(update);
            return update.execute();
        }));
    }

    /** A user was deleted (their link with them): nothing kept of it is used again. */
    public void userDeleted(long userId) {
        recent.changed();
    }

    /** Runs a change of links; once it is committed (or failed), {@link #recent} and {@link #byWebhookId} read afresh. */
    private <T> T changing(java.util.function.Supplier<T> change) {
        try {
            return change.get();
        } finally {
            recent.changed();
        }
    }
}
