package app.pathary.jellyfin.client;

import app.pathary.common.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks and normalises a Jellyfin server URL as typed: http or https, a host, no query, no trailing slash. */
public final class ServerUrls {
    private ServerUrls() {
    }

    public static URI normalise(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new InvalidInputException("Give the address of your Jellyfin server, such as http://192.168.1.2:8096.");
        }
        String value = typed.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("'" + typed.strip() + "' is not a valid address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("The server address must start with http:// or https://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidInputException("The server address needs a host name or IP address.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("The server address must not have a query (?...) or fragment (#...).");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("Put no user name or password in the server address.");
        }
        return uri;
    }
}
