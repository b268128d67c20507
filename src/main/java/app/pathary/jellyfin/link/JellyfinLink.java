package app.pathary.jellyfin.link;

/**
 * A Pathary user's link to Jellyfin: the webhook secret, the scrobbling switch, the server and the login
 * (Jellyfin user id and name, the access token sealed at rest), and whether hand marks in Jellyfin count as plays.
 */
public record JellyfinLink(
        long userId,
        String webhookId,
        boolean scrobbleEnabled,
        String serverUrl,
        String jellyfinUserId,
        String jellyfinUserName,
        String sealedToken,
        boolean loginInvalid,
        boolean syncEnabled,
        boolean acceptMarks) {

    static JellyfinLink empty(long userId) {
        return new JellyfinLink(userId, null, true, null, null, null, null, false, false, false);
    }

    public boolean authenticated() {
        return sealedToken != null && serverUrl != null;
    }
}
