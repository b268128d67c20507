package app.pathary.seerr;

import java.net.URI;

/** Where Seerr (Jellyseerr / Overseerr) answers, and its API key (sent as {@code X-Api-Key}, never logged). */
public record SeerrServer(URI url, String apiKey) {
    @Override
    public String toString() {
        return "SeerrServer[" + url + "]";
    }
}
