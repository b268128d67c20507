package app.pathary.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Seerr (Jellyseerr / Overseerr), optional.
 *
 * @param url       SEERR_URL (absent: Seerr is not used)
 * @param apiKey    SEERR_API_KEY (required with SEERR_URL)
 * @param protect   CLEANUP_SEERR_PROTECT_DAYS (default 30): an item requested this recently is kept
 * @param resetAfterDelete CLEANUP_SEERR_RESET (default true): after a deletion the title is cleared in Seerr
 */
public record SeerrOptions(Optional<URI> url, String apiKey, Duration protect, boolean resetAfterDelete) {
    public static final String URL = "SEERR_URL";
    public static final String API_KEY = "SEERR_API_KEY";
    public static final String PROTECT_DAYS = "CLEANUP_SEERR_PROTECT_DAYS";
    public static final String RESET = "CLEANUP_SEERR_RESET";

    public static SeerrOptions none() {
        return new SeerrOptions(Optional.empty(), "", Duration.ofDays(30), true);
    }

    public static SeerrOptions parse(Environment env) {
        Optional<URI> url = env.get(URL).map(v -> OptionRules.serverUrl(URL, v));
        String key = env.get(API_KEY).orElse("");
        if (url.isPresent() && key.isEmpty()) {
            throw new ConfigException(URL + " is set but " + API_KEY + " is not; give Seerr's API key (Settings → General).");
        }
        Duration protect = Duration.ofDays(env.get(PROTECT_DAYS).map(v -> OptionRules.wholeNumber(PROTECT_DAYS, v, 0, 3650)).orElse(30));
        boolean reset = OptionRules.bool(RESET, env.get(RESET).orElse("true"));
        return new SeerrOptions(url, key, protect, reset);
    }
}
