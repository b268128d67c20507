package app.pathary.cleanup.instances;

import app.pathary.common.InvalidInputException;
import app.pathary.common.SecretBox;
import app.pathary.config.Environment;
import app.pathary.jellyfin.client.ServerUrls;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The Radarr and Sonarr instances and the cleanup actions. Instances come from the environment (RADARR_URL,
 * RADARR_API_KEY, RADARR_PATH_MAP and the SONARR_ ones: the common single-instance case), from the YAML file named by
 * CONFIG_FILE (several instances), and from the admin page (stored, keys sealed). Each action setting comes from its
 * environment variable (which locks it), else CONFIG_FILE, else the page, else its default.
 */
public final class ArrSettingsStore {
    static final String KEEP_TAG = "CLEANUP_KEEP_TAG";
    static final String EXECUTE = "CLEANUP_EXECUTE";
    static final String MOVIE_ACTION = "CLEANUP_MOVIE_ACTION";
    static final String IMPORT_EXCLUSION = "CLEANUP_IMPORT_EXCLUSION";
    static final String DELETE_ENDED_SERIES = "CLEANUP_DELETE_ENDED_SERIES";
    static final List<String> ACTION_NAMES = List.of(EXECUTE, MOVIE_ACTION, IMPORT_EXCLUSION, DELETE_ENDED_SERIES);
    private final Jdbi jdbi;
    private final Environment environment;
    private final SecretBox secrets;
    private final Clock clock;

    public ArrSettingsStore(Jdbi jdbi, Environment environment, SecretBox secrets, Clock clock) {
        this.jdbi = jdbi;
        this.environment = environment;
        this.secrets = secrets;
        this.clock = clock;
    }

    public List<ArrInstanceConfig> instances() {
        List<ArrInstanceConfig> instances = new ArrayList<>();
        String keepTag = environment.get(KEEP_TAG).orElse(configFile().keepTag().orElse("keep"));
        fromEnvironment(ArrKind.RADARR, keepTag).ifPresent(instances::add);
        fromEnvironment(ArrKind.SONARR, keepTag).ifPresent(instances::add);
        instances.addAll(configFile().instances(keepTag));
        instances.addAll(stored());
        Set<String> names = new HashSet<>();
        for (ArrInstanceConfig instance : instances) {
            if (!names.add(instance.name())) {
                throw new InvalidInputException("Two Radarr/Sonarr instances are named '" + instance.name() + "'; names must differ.");
            }
        }
        return instances;
    }

    public CleanupActions actions() {
        Map<String, String> values = new java.util.HashMap<>(storedActions());
        values.putAll(configFile().actions());
        for (String name : ACTION_NAMES) {
            environment.get(name).ifPresent(value -> values.put(name, value));
        }
        return new CleanupActions(CleanupActions.MovieAction.parse(values.getOrDefault(MOVIE_ACTION, "delete-movie-and-files"), MOVIE_ACTION),
                bool(values.getOrDefault(IMPORT_EXCLUSION, "false"), IMPORT_EXCLUSION),
                bool(values.getOrDefault(DELETE_ENDED_SERIES, "false"), DELETE_ENDED_SERIES),
                bool(values.getOrDefault(EXECUTE, "false"), EXECUTE));
    }

    /** The action settings fixed by the environment or CONFIG_FILE (read-only on the page). */
    public Set<String> lockedActions() {
        Set<String> locked = new HashSet<>(configFile().actions().keySet());
        ACTION_NAMES.stream().filter(environment::isSet).forEach(locked::add);
        return locked;
    }

    public void saveActions(Map<String, String> form) {
        Set<String> locked = lockedActions();
        jdbi.useTransaction(h -> {
            for (String name : ACTION_NAMES) {
                if (locked.contains(name) || !form.containsKey(name)) {
                    continue;
                }
                String value = form.get(name).strip();
                if (name.equals(MOVIE_ACTION)) {
                    CleanupActions.MovieAction.parse(value, name);
                } else {
                    bool(value, name);
                }
                h.createUpdate("DELETE FROM settings WHERE name = :n").bind("n", "arr." + name).execute();
                h.createUpdate("INSERT INTO settings (name, value) VALUES (:n, :v)").bind("n", "arr." + name).bind("v", value).execute();
            }
        });
    }

    public ArrInstanceConfig add(ArrKind kind, String name, String url, String apiKey, String pathMap, String keepTag) {
        String cleanName = name == null ? "" : name.strip();
        if (!cleanName.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new InvalidInputException("The instance name must be 1 to 40 letters, digits, dots, dashes or underscores.");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new InvalidInputException("Give the instance's API key (Settings → General in " + kind.appName() + ").");
        }
        var uri = ServerUrls.normalise(url);
        PathMapping.parse(pathMap, "The path mapping");
        if (instances().stream().anyMatch(i -> i.name().equals(cleanName))) {
            throw new InvalidInputException("An instance named '" + cleanName + "' already exists.");
        }
        long id = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO arr_instances (kind, name, url, api_key, path_map, keep_tag, created_at)
                        VALUES (:kind, :name, :url, :key, :map, :tag, :now) RETURNING id""")
                .bind("kind", kind.value()).bind("name", cleanName).bind("url", uri.toString()).bind("key", secrets.encrypt(apiKey.strip()))
                .bind("map", pathMap == null ? "" : pathMap.strip()).bind("tag", keepTag == null || keepTag.isBlank() ? "keep" : keepTag.strip())
                .bind("now", clock.millis()).mapTo(Long.class).one());
        return stored().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
    }

    public void remove(long id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM arr_instances WHERE id = :id").bind("id", id).execute());
    }

    private List<ArrInstanceConfig> stored() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM arr_instances ORDER BY id")
                .map((rs, ctx) -> new ArrInstanceConfig(rs.getLong("id"), ArrKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("name"), java.net.URI.create(rs.getString("url")), secrets.decrypt(rs.getString("api_key")),
                        PathMapping.parse(rs.getString("path_map"), "path mapping"), rs.getString("keep_tag"), "page"))
                .list());
    }

    private Map<String, String> storedActions() {
        Map<String, String> values = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, value FROM settings WHERE name LIKE 'arr.%'")
                .map((rs, ctx) -> Map.entry(rs.getString("name").substring(4), rs.getString("value")))
                .forEach(e -> values.put(e.getKey(), e.getValue())));
        return values;
    }

    private Optional<ArrInstanceConfig> fromEnvironment(ArrKind kind, String keepTag) {
        String prefix = kind.name();
        Optional<String> url = environment.get(prefix + "_URL");
        Optional<String> key = environment.get(prefix + "_API_KEY");
        if (url.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (url.isEmpty() || key.isEmpty()) {
            throw new InvalidInputException(prefix + "_URL and " + prefix + "_API_KEY must be set together.");
        }
        return Optional.of(new ArrInstanceConfig(null, kind, kind.value(), named(prefix + "_URL", url.get()), key.get(),
                PathMapping.parse(environment.get(prefix + "_PATH_MAP").orElse(""), prefix + "_PATH_MAP"), keepTag, "environment"));
    }

    private ArrConfigFile configFile() {
        return ArrConfigFile.read(environment.get("CONFIG_FILE"));
    }

    static java.net.URI named(String name, String url) {
        try {
            return ServerUrls.normalise(url);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + ": " + e.getMessage());
        }
    }

    static boolean bool(String value, String name) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidInputException(name + " must be true or false, not '" + value + "'.");
        };
    }
}
