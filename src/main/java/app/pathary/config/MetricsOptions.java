package app.pathary.config;

import java.util.Optional;

/**
 * Who may read {@code /metrics}: admins always; with {@code METRICS_TOKEN}, whoever sends it as a bearer token; with
 * {@code METRICS_PUBLIC=true}, anyone.
 */
public record MetricsOptions(Optional<String> token, boolean isPublic) {
    public static MetricsOptions parse(Environment env) {
        return new MetricsOptions(env.get("METRICS_TOKEN").filter(t -> !t.isBlank()),
                OptionRules.bool("METRICS_PUBLIC", env.get("METRICS_PUBLIC").orElse("false")));
    }
}
