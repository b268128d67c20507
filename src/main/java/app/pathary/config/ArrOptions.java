package app.pathary.config;

import java.util.List;
import java.util.Optional;

/**
 * Radarr, Sonarr and cleanup actions from the environment: the single-instance case (RADARR_URL, RADARR_API_KEY,
 * RADARR_PATH_MAP and the SONARR_ ones, each instance named after its kind), the global keep tag and the actions.
 */
public record ArrOptions(Optional<ArrInstanceOptions> radarr, Optional<ArrInstanceOptions> sonarr, Optional<String> keepTag,
        ActionOptions actions) {
    public static final String KEEP_TAG = "CLEANUP_KEEP_TAG";

    public static ArrOptions parse(Environment environment) {
        return new ArrOptions(instance(environment, "RADARR"), instance(environment, "SONARR"), environment.get(KEEP_TAG),
                ActionOptions.parse(OptionLayer.of(environment)));
    }

    public List<ArrInstanceOptions> instances() {
        return java.util.stream.Stream.of(radarr, sonarr).flatMap(Optional::stream).toList();
    }

    private static Optional<ArrInstanceOptions> instance(Environment environment, String prefix) {
        Optional<String> url = environment.get(prefix + "_URL");
        Optional<String> key = environment.get(prefix + "_API_KEY");
        Optional<String> map = environment.get(prefix + "_PATH_MAP");
        if (url.isEmpty() && key.isEmpty()) {
            if (map.isPresent()) {
                throw new ConfigException(prefix + "_PATH_MAP is set without " + prefix + "_URL and " + prefix + "_API_KEY; set them too.");
            }
            return Optional.empty();
        }
        if (url.isEmpty() || key.isEmpty()) {
            throw new ConfigException(prefix + "_URL and " + prefix + "_API_KEY must be set together.");
        }
        return Optional.of(new ArrInstanceOptions(prefix.toLowerCase(java.util.Locale.ROOT), OptionRules.serverUrl(prefix + "_URL", url.get()),
                key.get(), PathPair.parseAll(prefix + "_PATH_MAP", map.orElse("")), Optional.empty()));
    }
}
