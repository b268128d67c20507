package app.pathary.config;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything Pathary reads from the environment, parsed and checked once at start (CONFIG_FILE included): an invalid
 * value stops startup with one sentence naming the variable, or the CONFIG_FILE key and the file ({@link ConfigException}).
 * Nothing reads the environment after this. Settings saved on pages are a layer under these (see {@link SettingsOverlay}).
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
        String logLevel,
        WatchedOptions watched,
        ArrOptions arr,
        CleanupOptions cleanup,
        ConfigFile configFile,
        MetricsOptions metrics,
        WebOptions web,
        long posterCacheBytes,
        NotifyOptions notifications,
        SeerrOptions seerr,
        Optional<java.time.Duration> jellyfinCatchup) {
    /** {@code JELLYFIN_CATCHUP_HOURS}: how often the catch-up sync reads each user's Jellyfin plays (0: never; default 6). */
    public static final String JELLYFIN_CATCHUP_HOURS = "JELLYFIN_CATCHUP_HOURS";
    /** {@code POSTER_CACHE_MB}: how much disk the poster cache under DATA_DIR may take (oldest pictures go first). */
    public static final String POSTER_CACHE_MB = "POSTER_CACHE_MB";


    public static AppConfig from(Environment env) {
        Path dataDir = path("DATA_DIR", env.get("DATA_DIR").orElse("./data"));
        DatabaseSettings database = DatabaseSettings.parse(
                env.get("DATABASE_URL"), env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD"), dataDir)
                .allowingNewDatabase(OptionRules.bool(DatabaseSettings.ALLOW_NEW, env.get(DatabaseSettings.ALLOW_NEW).orElse("false")));
        int port = port(env.get("HTTP_PORT").orElse("8080"));
        WebOptions web = WebOptions.parse(env);
        Optional<URI> applicationUrl = env.get("APPLICATION_URL").map(AppConfig::applicationUrl).map(url -> underBasePath(url, web.basePath()));
        ZoneId zone = zone(env.get("TIMEZONE").orElse("UTC"));
        String logLevel = OptionRules.oneOf("LOG_LEVEL", env.get("LOG_LEVEL").orElse("INFO"),
                List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF")).toUpperCase(Locale.ROOT);
        ArrOptions arr = ArrOptions.parse(env);
        ConfigFile file = env.get(ConfigFile.VARIABLE).map(p -> ConfigFile.read(path(ConfigFile.VARIABLE, p))).orElse(ConfigFile.none());
        for (ArrInstanceOptions instance : file.instances()) {
            if (arr.instances().stream().anyMatch(i -> i.name().equals(instance.name()))) {
                throw new ConfigException(ConfigFile.VARIABLE + " " + file.path().orElseThrow() + " names an instance '" + instance.name()
                        + "', the name of the one " + instance.name().toUpperCase(Locale.ROOT) + "_URL sets; choose another name.");
            }
        }
        return new AppConfig(dataDir, database, port, applicationUrl, zone, env.get("APP_SECRET"), env.get("JELLYFIN_DEVICE_ID"),
                env.get("JELLYFIN_APP_NAME").orElse("Pathary"), logLevel, WatchedOptions.parse(OptionLayer.of(env)), arr,
                CleanupOptions.parse(env), file, MetricsOptions.parse(env), web,
                posterCacheBytes(env.get(POSTER_CACHE_MB).orElse("200")), NotifyOptions.parse(env), SeerrOptions.parse(env),
                catchupEvery(env.get(JELLYFIN_CATCHUP_HOURS).orElse("6")));
    }

    public AppConfig withHttpPort(int port) {
        return new AppConfig(dataDir, database, port, applicationUrl, timezone, appSecret, jellyfinDeviceId, jellyfinAppName, logLevel,
                watched, arr, cleanup, configFile, metrics, web, posterCacheBytes, notifications, seerr, jellyfinCatchup);
    }

    public AppConfig withDatabase(DatabaseSettings other) {
        return new AppConfig(dataDir, other, httpPort, applicationUrl, timezone, appSecret, jellyfinDeviceId, jellyfinAppName, logLevel,
                watched, arr, cleanup, configFile, metrics, web, posterCacheBytes, notifications, seerr, jellyfinCatchup);
    }

    private static Optional<java.time.Duration> catchupEvery(String value) {
        int hours = OptionRules.wholeNumber(JELLYFIN_CATCHUP_HOURS, value, 0, 9999);
        return hours == 0 ? Optional.empty() : Optional.of(java.time.Duration.ofHours(hours));
    }

    private static long posterCacheBytes(String value) {
        if (!value.strip().matches("\\d{1,6}")) {
            throw new ConfigException(POSTER_CACHE_MB + " must be a whole number of megabytes (0 turns the cache off), not '" + value + "'.");
        }
        return Long.parseLong(value.strip()) * 1024 * 1024;
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

    private static Path path(String name, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException(name + " is not a valid path: '" + value + "'.");
        }
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

    /**
     * APPLICATION_URL is the address people and Jellyfin reach Pathary at, BASE_PATH included: without a path it gets
     * BASE_PATH; with one, that path must be BASE_PATH when BASE_PATH is set (the proxy forwards the path unchanged).
     */
    private static URI underBasePath(URI url, String basePath) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (path.isEmpty() || path.equals("/")) {
            return URI.create(url.getScheme() + "://" + url.getRawAuthority() + basePath);
        }
        if (!basePath.isEmpty() && !path.equals(basePath)) {
            throw new ConfigException("APPLICATION_URL ends in the path " + path + ", but BASE_PATH is " + basePath
                    + "; give both the same path (the proxy forwards it unchanged).");
        }
        return url;
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new ConfigException("TIMEZONE must be an IANA time zone name such as Europe/Berlin, not '" + value + "'.");
        }
    }
}
