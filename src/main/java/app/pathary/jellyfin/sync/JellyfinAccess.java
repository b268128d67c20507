package app.pathary.jellyfin.sync;

import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.jellyfin.link.JellyfinLinkRepository;
import app.pathary.jellyfin.link.JellyfinLogin;
import app.pathary.job.JobFailure;

/**
 * What a job needs to act for a user in Jellyfin: the server with the user's token and their Jellyfin user id.
 * A user without a login, and a login Jellyfin revoked, are failures no retry can mend.
 */
final class JellyfinAccess {
    private final JellyfinLinkRepository links;
    private final JellyfinLogin login;

    public JellyfinAccess(JellyfinLinkRepository links, JellyfinLogin login) {
        this.links = links;
        this.login = login;
    }

    /** The server with the user's token, their Jellyfin user id, and the stored (sealed) token the server was made from. */
    public record Session(long userId, JellyfinServer server, String jellyfinUserId, String sealedToken) {
    }

    public Session of(long userId) {
        JellyfinLink link = links.of(userId);
        if (!link.authenticated()) {
            throw new JobFailure("This user has no Jellyfin login; authenticate on the Jellyfin settings page first.");
        }
        return new Session(userId, login.serverOf(link), link.jellyfinUserId(), link.sealedToken());
    }

    /**
     * Marks the login the session used as revoked (the settings page then asks to renew it) and returns the failure to
     * throw. A login made since, with another token, is left valid.
     */
    public JobFailure revoked(Session session) {
        login.markInvalid(session.userId(), session.sealedToken());
        return new JobFailure("Jellyfin no longer accepts this user's login (it was revoked on the server); "
                + "authenticate again on the Jellyfin settings page.");
    }
}
