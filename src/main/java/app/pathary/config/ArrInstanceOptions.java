package app.pathary.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** One Radarr or Sonarr as the environment or CONFIG_FILE declares it; {@code keepTag} empty means the global one. */
public record ArrInstanceOptions(String name, URI url, String apiKey, List<PathPair> pathMap, Optional<String> keepTag) {

    public ArrInstanceOptions {
        pathMap = List.copyOf(pathMap);
    }

    @Override
    public String toString() {
        return name + " at " + url;
    }
}
