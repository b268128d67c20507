package app.pathary.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks each setting from the first layer that sets it — environment, then CONFIG_FILE, then the page, then the
 * default — and remembers which layer won, for the page's small print.
 */
public final class SettingsOverlay {
    private final Map<String, SettingSource> sources = new HashMap<>();

    public <T> T pick(String name, T fallback, Optional<T> environment, Optional<T> configFile, Optional<T> page) {
        if (environment.isPresent()) {
            sources.put(name, SettingSource.ENVIRONMENT);
            return environment.get();
        }
        if (configFile.isPresent()) {
            sources.put(name, SettingSource.CONFIG_FILE);
            return configFile.get();
        }
        if (page.isPresent()) {
            sources.put(name, SettingSource.PAGE);
            return page.get();
        }
        sources.put(name, SettingSource.DEFAULT);
        return fallback;
    }

    /** The names picked so far from a layer a page may not change. */
    public Set<String> locked() {
        return sources.entrySet().stream().filter(e -> e.getValue().locksThePage()).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    public <T> Sourced<T> result(T value) {
        return new Sourced<>(value, sources);
    }
}
