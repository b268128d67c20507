package app.pathary.jellyfin.link;

import app.pathary.common.InvalidInputException;
import app.pathary.common.SecretBox;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.client.LoginResult;
import app.pathary.jellyfin.client.ServerUrls;
import app.pathary.jellyfin.client.dto.PublicSystemInfo;
import java.net.URI;
import java.util.Optional;

/**
 * A user's login to their Jellyfin server: save the server URL, test the connection, authenticate (the access token
 * is sealed at rest), and remove the login (revoking the token on the server when it can be reached).
 */
public final class JellyfinLogin {
    private final JellyfinLinkRepository links;
    private final JellyfinClient client;
    private final SecretBox secrets;

    public JellyfinLogin(JellyfinLinkRepository links, JellyfinClient client, SecretBox secrets) {
        this.links = links;
        this.client = client;
        this.secrets = secrets;
    }

    /** What a connection test found. {@code problem} is set when the server could not be used. */
    public record ConnectionTest(String serverName, String version, TokenState token, String problem) {
        public String sentence() {
            if (problem != null) {
                return "Could not connect: " + problem + ".";
            }
            String server = serverName + " (Jellyfin " + version + ")";
            return switch (token) {
                case VALID -> "Connected to " + server + "; your login is valid.";
                case INVALID -> "Connected to " + server + ", but the stored login is no longer valid; authenticate again.";
                case NONE -> "Connected to " + server + ". Now authenticate with your Jellyfin user.";
            };
        }
    }

    public enum TokenState { NONE, VALID, INVALID }

    /** Saves the server URL; a different server forgets the login made on the old one (after revoking it there). */
    public URI saveServerUrl(long userId, String typed) {
        URI url = ServerUrls.normalise(typed);
        JellyfinLink link = links.of(userId);
        if (link.authenticated() && !url.toString().equals(link.serverUrl())) {
            logOut(userId);
        }
        links.setServerUrl(userId, url.toString());
        return url;
    }

    /** Tests the given URL (or the saved one when {@code typed} is blank); checks the stored login when there is one. */
    public ConnectionTest test(long userId, String typed) {
        JellyfinLink link = links.of(userId);
        URI url = typed == null || typed.isBlank() ? savedUrl(link) : ServerUrls.normalise(typed);
        PublicSystemInfo info;
        try {
            info = client.publicSystemInfo(JellyfinServer.anonymous(url));
        } catch (JellyfinException e) {
            return new ConnectionTest(null, null, TokenState.NONE, e.userMessage());
        }
        TokenState token = TokenState.NONE;
        if (link.authenticated() && url.toString().equals(link.serverUrl())) {
            try {
                client.systemInfo(server(link));
                token = TokenState.VALID;
            } catch (JellyfinException.Unauthorized e) {
                token = TokenState.INVALID;
                markInvalid(userId, link.sealedToken());
            } catch (JellyfinException e) {
                return new ConnectionTest(info.serverName(), info.version(), TokenState.NONE, e.userMessage());
            }
        }
        return new ConnectionTest(info.serverName(), info.version(), token, null);
    }

    /** Logs in with a Jellyfin user name and password; returns the Jellyfin user name. */
    public String logIn(long userId, String username, String password) {
        if (username == null || username.isBlank() || password == null) {
            throw new InvalidInputException("Give your Jellyfin user name and password.");
        }
        JellyfinLink link = links.of(userId);
        URI url = savedUrl(link);
        LoginResult result;
        try {
            result = client.authenticateByName(JellyfinServer.anonymous(url), username.strip(), password);
        } catch (JellyfinException e) {
            throw new InvalidInputException("Could not reach Jellyfin: " + e.userMessage() + ".");
        }
        return switch (result) {
            case LoginResult.Success success -> {
                var auth = success.authentication();
                if (!links.saveLogin(userId, url.toString(), auth.user().id(), auth.user().name(), secrets.encrypt(auth.accessToken()))) {
                    revokeQuietly(new JellyfinServer(url, auth.accessToken()));
                    throw new InvalidInputException("The server address changed while Jellyfin answered; log in again.");
                }
                yield auth.user().name();
            }
            case LoginResult.InvalidCredentials ignored -> throw new InvalidInputException("Jellyfin rejected the user name or password.");
            case LoginResult.Refused ignored -> throw new InvalidInputException(
                    "Jellyfin refused the login: the account is disabled or may not log in from here.");
            case LoginResult.BadRequest ignored -> throw new InvalidInputException("Jellyfin rejected the login request as malformed.");
        };
    }

    /**
     * Revokes the token on the server and forgets it. Returns a warning when the server could not be reached (the
     * token is forgotten anyway and may still be valid there), else empty.
     */
    public Optional<String> logOut(long userId) {
        JellyfinLink link = links.of(userId);
        if (!link.authenticated()) {
            return Optional.empty();
        }
        Optional<String> warning = Optional.empty();
        try {
            client.logout(server(link));
        } catch (JellyfinException.Unauthorized alreadyInvalid) {
            // the server no longer knows the token: nothing to revoke
        } catch (JellyfinException e) {
            warning = Optional.of("Jellyfin could not be reached (" + e.userMessage()
                    + "), so the login was forgotten here but may still be valid on the server.");
        } catch (IllegalStateException undecryptable) {
            warning = Optional.of("The stored login could not be decrypted (was the secret key changed?), so it was forgotten"
                    + " here but may still be valid on the server.");
        }
        links.forgetLogin(userId, link.sealedToken());
        return warning;
    }

    private void revokeQuietly(JellyfinServer server) {
        try {
            client.logout(server);
        } catch (JellyfinException e) {
            // the token was never stored; it lapses on the server like any unused device login
        }
    }

    /** The server with the user's token, for calls made on their behalf. */
    public Optional<JellyfinServer> serverOf(long userId) {
        JellyfinLink link = links.of(userId);
        return link.authenticated() ? Optional.of(server(link)) : Optional.empty();
    }

    /** Marks the stored login as refused by Jellyfin, unless it was replaced by a newer one since {@code sealedToken} was read. */
    public void markInvalid(long userId, String sealedToken) {
        links.markInvalid(userId, sealedToken);
    }

    /** The server with the token of this (authenticated) link. */
    public JellyfinServer serverOf(JellyfinLink link) {
        return server(link);
    }

    private JellyfinServer server(JellyfinLink link) {
        return new JellyfinServer(URI.create(link.serverUrl()), secrets.decrypt(link.sealedToken()));
    }

    private static URI savedUrl(JellyfinLink link) {
        if (link.serverUrl() == null) {
            throw new InvalidInputException("Save the address of your Jellyfin server first.");
        }
        return URI.create(link.serverUrl());
    }

}
