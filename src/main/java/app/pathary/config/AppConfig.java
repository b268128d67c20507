package app.pathary.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything Pathary reads from the environment at start. Invalid values stop startup with one sentence
 * naming the variable ({@link ConfigException}). {@code environment} stays available for the settings features read
 * themselves (e.g. the cleanup settings, which the environment locks).
 */
public record AppConfig(
        Path dataDir,
        DatabaseSettings database,
        int httpPort,
        Optional<URI> applicationUrl,
        ZoneId timezone,
        Optional<String> appSecret,
        Optional<String> jellyfinDeviceId,
        String jellyfinAppName,
        Environment environment) {

    public static AppConfig from(Environment env) {
        Path dataDir = Path.of(env.get("DATA_DIR").orElse("./data"));
        DatabaseSettings database = DatabaseSettings.parse(
                env.get("DATABASE_URL"), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"), dataDir);
        int port = port(env.get("HTTP_PORT").orElse("8080"));
        Optional<URI> applicationUrl = env.get("APPLICATION_URL").map(AppConfig::applicationUrl);
        ZoneId zone = zone(env.get("TIMEZONE").orElse("UTC"));
        return new AppConfig(dataDir, database, port, applicationUrl, zone, env.get("APP_SECRET"),
                env.get("JELLYFIN_DEVICE_ID"), env.get("JELLYFIN_APP_NAME").orElse("Pathary"), env);
    }

    public AppConfig withHttpPort(int port) {
        return new AppConfig(dataDir, database, port, applicationUrl, timezone, appSecret, jellyfinDeviceId, jellyfinAppName, environment);
    }

    public static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the sentence below
        }
        throw new ConfigException("HTTP_PORT must be a port number from 0 to 65535, not '" + value + "'.");
    }

    private static URI applicationUrl(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the sentence below
        }
        throw new ConfigException("APPLICATION_URL must be an http(s) URL without a query, such as https://pathary.example.org.");
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException("TIMEZONE must be an IANA time zone name such as Europe/Berlin, not '" + value + "'.");
        }
    }
}
