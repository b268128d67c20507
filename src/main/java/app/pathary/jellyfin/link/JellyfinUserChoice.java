package app.pathary.jellyfin.link;

import app.pathary.common.InvalidInputException;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.client.dto.UserDto;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Links a Pathary user to a Jellyfin user by choice, without the Jellyfin password: possible when the admin's
 * Jellyfin ({@code JELLYFIN_URL} and {@code JELLYFIN_API_KEY}) is configured, whose API key may list the users. The
 * webhook then counts only that Jellyfin user's plays for this Pathary user. A login made with a password carries
 * its own Jellyfin user and takes precedence; while one exists the choice is not offered.
 */
public final class JellyfinUserChoice {
    private final JellyfinLinkRepository links;
    private final JellyfinClient client;
    private final Supplier<Optional<JellyfinServer>> adminServer;

    public JellyfinUserChoice(JellyfinLinkRepository links, JellyfinClient client, Supplier<Optional<JellyfinServer>> adminServer) {
        this.links = links;
        this.client = client;
        this.adminServer = adminServer;
    }

    /** What the page offers: the users to choose from, or why there are none (not configured, unreachable). */
    public record Offer(String serverUrl, List<UserDto> users, String problem) {
        public boolean available() {
            return serverUrl != null && problem == null;
        }
    }

    /** The admin's Jellyfin address (the default server for every household member), when configured. */
    public Optional<String> defaultServerUrl() {
        return adminServer.get().map(server -> server.baseUrl().toString());
    }

    public Offer offer() {
        Optional<JellyfinServer> server = adminServer.get();
        if (server.isEmpty()) {
            return new Offer(null, List.of(), null);
        }
        try {
            return new Offer(server.get().baseUrl().toString(), client.users(server.get()), null);
        } catch (JellyfinException e) {
            return new Offer(server.get().baseUrl().toString(), List.of(), e.userMessage());
        }
    }

    /**
     * Links {@code userId} to the Jellyfin user with id {@code jellyfinUserId}; blank removes the link. Returns a
     * sentence for the page. Throws {@link InvalidInputException} naming the field for an unknown id.
     */
    public String choose(long userId, String jellyfinUserId) {
        JellyfinLink link = links.of(userId);
        if (link.authenticated()) {
            throw new InvalidInputException("jellyfinUserId: you are logged in to Jellyfin as " + link.jellyfinUserName()
                    + "; that login decides whose plays count. Remove the authentication first to choose another user.");
        }
        JellyfinServer server = adminServer.get().orElseThrow(() -> new InvalidInputException(
                "jellyfinUserId: the admin has not configured Jellyfin (JELLYFIN_URL and JELLYFIN_API_KEY), so users cannot be listed."));
        if (jellyfinUserId == null || jellyfinUserId.isBlank()) {
            links.chooseJellyfinUser(userId, null, null, null);
            return "You are no longer linked to a Jellyfin user; the webhook counts every play it is sent.";
        }
        List<UserDto> users;
        try {
            users = client.users(server);
        } catch (JellyfinException e) {
            throw new InvalidInputException("Could not list Jellyfin's users: " + e.userMessage() + ".");
        }
        UserDto chosen = users.stream().filter(u -> u.id().equalsIgnoreCase(jellyfinUserId.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("jellyfinUserId: " + jellyfinUserId.strip() + " is not a user of "
                        + server.baseUrl() + "."));
        links.chooseJellyfinUser(userId, server.baseUrl().toString(), chosen.id(), chosen.name());
        return "You are linked to the Jellyfin user " + chosen.name() + ": only their plays reach your history.";
    }
}
