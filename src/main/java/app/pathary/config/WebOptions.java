package app.pathary.config;

import java.util.List;
import java.util.Locale;

/**
 * How Pathary sits behind a reverse proxy, and how it logs:
 * <ul>
 *   <li>{@code BASE_PATH}: the path prefix Pathary answers under ({@code /pathary}); empty for the root. The proxy
 *       forwards the path unchanged (it does not strip the prefix), as for Radarr's and Sonarr's URL base.</li>
 *   <li>{@code TRUSTED_PROXIES}: see {@link TrustedProxies}.</li>
 *   <li>{@code LOG_FORMAT}: {@code text} (default) or {@code json}, one object per line.</li>
 * </ul>
 */
public record WebOptions(String basePath, TrustedProxies trustedProxies, String logFormat) {
    public static WebOptions defaults() {
        return new WebOptions("", TrustedProxies.none(), "text");
    }

    public static WebOptions parse(Environment env) {
        return new WebOptions(basePath(env.get("BASE_PATH").orElse("")),
                TrustedProxies.parse(env.get(TrustedProxies.VARIABLE).orElse("")),
                OptionRules.oneOf("LOG_FORMAT", env.get("LOG_FORMAT").orElse("text"), List.of("text", "json")).toLowerCase(Locale.ROOT));
    }

    /** {@code /pathary}, {@code pathary/} and {@code /pathary/} all give {@code /pathary}; {@code /} and blank give "". */
    static String basePath(String text) {
        String value = text.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.isEmpty()) {
            return "";
        }
        if (!value.startsWith("/")) {
            value = "/" + value;
        }
        if (!value.matches("(/[A-Za-z0-9._~-]+)+") || value.matches(".*/\\.{1,2}(/.*)?")) {
            throw new ConfigException("BASE_PATH must be a path such as /pathary (letters, digits, - . _ ~ and /), not '" + text.strip() + "'.");
        }
        return value;
    }
}
