package app.pathary.cleanup.instances;

import app.pathary.common.InvalidInputException;
import app.pathary.common.SecretBox;
import app.pathary.config.ActionOptions;
import app.pathary.config.ArrInstanceOptions;
import app.pathary.config.ArrOptions;
import app.pathary.config.ConfigFile;
import app.pathary.config.OptionLayer;
import app.pathary.config.ReloadableConfigFile;
import app.pathary.config.SettingsOverlay;
import app.pathary.config.Sourced;
import app.pathary.jellyfin.client.ServerUrls;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The Radarr and Sonarr instances and the cleanup actions. Instances come from the environment (the common
 * single-instance case), from CONFIG_FILE (several instances) and from the admin page (stored, keys sealed). Each action
 * setting comes from the environment (which locks it), else CONFIG_FILE (which locks it too), else the page, else its
 * default. The environment was parsed at startup; CONFIG_FILE is held in memory and read again when a page saves here.
 */
public final class ArrSettingsStore {
    static final String KEEP_TAG = ArrOptions.KEEP_TAG;
    static final String MOVIE_ACTION = ActionOptions.MOVIE_ACTION;
    static final List<String> ACTION_NAMES = ActionOptions.NAMES;
    private final Jdbi jdbi;
    private final ArrOptions environment;
    private final ReloadableConfigFile configFile;
    private final SecretBox secrets;
    private final Clock clock;

    public ArrSettingsStore(Jdbi jdbi, ArrOptions environment, ReloadableConfigFile configFile, SecretBox secrets, Clock clock) {
        this.jdbi = jdbi;
        this.environment = environment;
        this.configFile = configFile;
        this.secrets = secrets;
        this.clock = clock;
    }

    public List<ArrInstanceConfig> instances() {
        ConfigFile file = configFile.current();
        String keepTag = keepTag().value();
        List<ArrInstanceConfig> instances = new ArrayList<>();
        environment.radarr().ifPresent(o -> instances.add(configured(ArrKind.RADARR, o, keepTag, "environment")));
        environment.sonarr().ifPresent(o -> instances.add(configured(ArrKind.SONARR, o, keepTag, "environment")));
        file.radarr().forEach(o -> instances.add(configured(ArrKind.RADARR, o, keepTag, ConfigFile.VARIABLE)));
        file.sonarr().forEach(o -> instances.add(configured(ArrKind.SONARR, o, keepTag, ConfigFile.VARIABLE)));
        instances.addAll(stored());
        Set<String> names = new HashSet<>();
        for (ArrInstanceConfig instance : instances) {
            if (!names.add(instance.name())) {
                throw new InvalidInputException("Two Radarr/Sonarr instances are named '" + instance.name() + "'; names must differ.");
            }
        }
        return instances;
    }

    /** The tag that keeps an item where an instance names none (CLEANUP_KEEP_TAG, or cleanup.keepTag in CONFIG_FILE). */
    public Sourced<String> keepTag() {
        SettingsOverlay overlay = new SettingsOverlay();
        return overlay.result(overlay.pick(KEEP_TAG, "keep", environment.keepTag(), configFile.current().keepTag(), Optional.empty()));
    }

    /** The actions and, for each, the layer that set it (the page's small print). */
    public Sourced<CleanupActions> actionSettings() {
        ActionOptions env = environment.actions();
        ActionOptions file = configFile.current().actions();
        ActionOptions page = ActionOptions.parse(OptionLayer.of(storedActions()));
        SettingsOverlay overlay = new SettingsOverlay();
        ActionOptions.MovieAction movieAction = overlay.pick(MOVIE_ACTION, ActionOptions.MovieAction.DELETE_MOVIE_AND_FILES,
                env.movieAction(), file.movieAction(), page.movieAction());
        boolean importExclusion = overlay.pick(ActionOptions.IMPORT_EXCLUSION, false, env.importExclusion(), file.importExclusion(),
                page.importExclusion());
        boolean deleteEnded = overlay.pick(ActionOptions.DELETE_ENDED_SERIES, false, env.deleteEndedSeries(), file.deleteEndedSeries(),
                page.deleteEndedSeries());
        boolean execute = overlay.pick(ActionOptions.EXECUTE, false, env.execute(), file.execute(), page.execute());
        return overlay.result(new CleanupActions(CleanupActions.MovieAction.parse(movieAction.value(), MOVIE_ACTION), importExclusion,
                deleteEnded, execute));
    }

    public CleanupActions actions() {
        return actionSettings().value();
    }

    /** The action settings fixed by the environment or CONFIG_FILE (read-only on the page). */
    public Set<String> lockedActions() {
        return actionSettings().locked();
    }

    /** Reads CONFIG_FILE again (every save on the settings page does, and serve on SIGHUP). */
    public void reloadConfigFile() {
        configFile.reload();
    }

    public void saveActions(Map<String, String> form) {
        configFile.reload();
        Set<String> locked = lockedActions();
        Map<String, String> values = new HashMap<>();
        for (String name : ACTION_NAMES) {
            if (!locked.contains(name) && form.containsKey(name)) {
                values.put(name, form.get(name) == null ? "" : form.get(name).strip());
            }
        }
        ActionOptions.parse(OptionLayer.of(values));
        jdbi.useTransaction(h -> {
            for (var value : values.entrySet()) {
                h.createUpdate("DELETE FROM settings WHERE name = :n").bind("n", "arr." + value.getKey()).execute();
                if (!value.getValue().isEmpty()) {
                    h.createUpdate("INSERT INTO settings (name, value) VALUES (:n, :v)").bind("n", "arr." + value.getKey())
                            .bind("v", value.getValue()).execute();
                }
            }
        });
    }

    /** An instance as typed on the page (a blank API key keeps the stored one when editing). */
    public record InstanceForm(ArrKind kind, String name, String url, String apiKey, String pathMap, String keepTag) {
    }

    public ArrInstanceConfig add(ArrKind kind, String name, String url, String apiKey, String pathMap, String keepTag) {
        return add(new InstanceForm(kind, name, url, apiKey, pathMap, keepTag), candidate -> { });
    }

    /**
     * Checks the form, lets {@code check} try the instance as it would be stored (e.g. ask it for its status with the
     * key), and stores it only when neither throws.
     */
    public ArrInstanceConfig add(InstanceForm form, java.util.function.Consumer<ArrInstanceConfig> check) {
        ArrInstanceConfig candidate = candidate(null, form, null);
        check.accept(candidate);
        long id = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO arr_instances (kind, name, url, api_key, path_map, keep_tag, created_at)
                        VALUES (:kind, :name, :url, :key, :map, :tag, :now) RETURNING id""")
                .bind("kind", candidate.kind().value()).bind("name", candidate.name()).bind("url", candidate.url().toString())
                .bind("key", secrets.encrypt(candidate.apiKey())).bind("map", blankIfNull(form.pathMap()))
                .bind("tag", candidate.keepTag()).bind("now", clock.millis()).mapTo(Long.class).one());
        return find(id);
    }

    /** Changes a page-stored instance the same way; a blank API key keeps the stored one. */
    public ArrInstanceConfig update(long id, InstanceForm form, java.util.function.Consumer<ArrInstanceConfig> check) {
        ArrInstanceConfig old = find(id);
        ArrInstanceConfig candidate = candidate(id, new InstanceForm(old.kind(), form.name(), form.url(), form.apiKey(), form.pathMap(),
                form.keepTag()), old.apiKey());
        check.accept(candidate);
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE arr_instances SET name = :name, url = :url, api_key = :key, path_map = :map, keep_tag = :tag
                        WHERE id = :id""")
                .bind("id", id).bind("name", candidate.name()).bind("url", candidate.url().toString())
                .bind("key", secrets.encrypt(candidate.apiKey())).bind("map", blankIfNull(form.pathMap()))
                .bind("tag", candidate.keepTag()).execute());
        return find(id);
    }

    /** A page-stored instance by id. */
    public ArrInstanceConfig find(long id) {
        return stored().stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> new app.pathary.common.NotFoundException("No Radarr or Sonarr instance " + id + " was added on this page."));
    }

    private ArrInstanceConfig candidate(Long id, InstanceForm form, String keptKey) {
        configFile.reload();
        ArrKind kind = form.kind();
        String cleanName = form.name() == null ? "" : form.name().strip();
        if (!cleanName.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new InvalidInputException("The instance name (name) must be 1 to 40 letters, digits, dots, dashes or underscores.");
        }
        String key = form.apiKey() == null || form.apiKey().isBlank() ? keptKey : form.apiKey().strip();
        if (key == null) {
            throw new InvalidInputException("Give the instance's API key (apiKey; Settings → General in " + kind.appName() + ").");
        }
        var uri = ServerUrls.normalise(form.url());
        PathMapping mapping = PathMapping.parse(form.pathMap(), "The path mapping (pathMap)");
        if (instances().stream().anyMatch(i -> i.name().equals(cleanName) && !java.util.Objects.equals(i.id(), id))) {
            throw new InvalidInputException("An instance named '" + cleanName + "' already exists (name).");
        }
        String tag = form.keepTag() == null || form.keepTag().isBlank() ? "keep" : form.keepTag().strip();
        return new ArrInstanceConfig(id, kind, cleanName, uri, key, mapping, tag, "page");
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text.strip();
    }

    public void remove(long id) {
        configFile.reload();
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM arr_instances WHERE id = :id").bind("id", id).execute());
    }

    private static ArrInstanceConfig configured(ArrKind kind, ArrInstanceOptions options, String keepTag, String source) {
        return new ArrInstanceConfig(null, kind, options.name(), options.url(), options.apiKey(), PathMapping.of(options.pathMap()),
                options.keepTag().orElse(keepTag), source);
    }

    private List<ArrInstanceConfig> stored() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM arr_instances ORDER BY id")
                .map((rs, ctx) -> new ArrInstanceConfig(rs.getLong("id"), ArrKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("name"), java.net.URI.create(rs.getString("url")), secrets.decrypt(rs.getString("api_key")),
                        PathMapping.parse(rs.getString("path_map"), "path mapping"), rs.getString("keep_tag"), "page"))
                .list());
    }

    private Map<String, String> storedActions() {
        Map<String, String> values = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, value FROM settings WHERE name LIKE 'arr.%'")
                .map((rs, ctx) -> Map.entry(rs.getString("name").substring(4), rs.getString("value")))
                .forEach(e -> values.put(e.getKey(), e.getValue())));
        return values;
    }
}
