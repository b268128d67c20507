package app.pathary.config;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Settings with, for each setting's variable name, the layer its value came from. */
public record Sourced<T>(T value, Map<String, SettingSource> sources) {

    public Sourced {
        sources = Map.copyOf(sources);
    }

    public SettingSource source(String name) {
        return sources.getOrDefault(name, SettingSource.DEFAULT);
    }

    /** The names a page shows read-only. */
    public Set<String> locked() {
        return sources.entrySet().stream().filter(e -> e.getValue().locksThePage()).map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
