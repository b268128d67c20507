package app.pathary.cleanup.instances;

import app.pathary.arr.ArrInstance;
import java.net.URI;

/**
 * One configured Radarr or Sonarr: where it is, its API key, how Jellyfin paths map to its paths, the tag that keeps
 * an item. {@code source} says where it was configured (environment, CONFIG_FILE or page), and {@code id} is set for
 * instances stored from the page.
 */
public record ArrInstanceConfig(Long id, ArrKind kind, String name, URI url, String apiKey, PathMapping mapping, String keepTag,
        String source) {

    public ArrInstance instance() {
        return new ArrInstance(name, url, apiKey);
    }

    @Override
    public String toString() {
        return kind.value() + " " + name + " at " + url + " (" + source + ")";
    }
}
