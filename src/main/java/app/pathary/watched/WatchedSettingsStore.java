package app.pathary.watched;

import app.pathary.common.SecretBox;
import app.pathary.config.OptionLayer;
import app.pathary.config.SettingsOverlay;
import app.pathary.config.Sourced;
import app.pathary.config.WatchedOptions;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads and saves the watched-state settings. Each setting comes from the environment when set there (parsed at
 * startup; it locks the field), else from the page's layer (saved in the database, parsed by the same rules), else
 * its default. The API key is sealed at rest.
 */
public final class WatchedSettingsStore {
    static final String URL = WatchedOptions.JELLYFIN_URL;
    static final String API_KEY = WatchedOptions.JELLYFIN_API_KEY;
    public static final String KEEP_FAVORITES = WatchedOptions.KEEP_FAVORITES;
    public static final List<String> NAMES = WatchedOptions.NAMES;
    private final Jdbi jdbi;
    private final WatchedOptions environment;
    private final SecretBox secrets;

    public WatchedSettingsStore(Jdbi jdbi, WatchedOptions environment, SecretBox secrets) {
        this.jdbi = jdbi;
        this.environment = environment;
        this.secrets = secrets;
    }

    public WatchedSettings load() {
        return loadSourced().value();
    }

    /** The settings and, for each, the layer that set it (the page's small print). */
    public Sourced<WatchedSettings> loadSourced() {
        return overlay(environment, WatchedOptions.parse(OptionLayer.of(stored())));
    }

    /** Saves the fields the environment does not fix; blank values go back to the default. */
    public WatchedSettings save(Map<String, String> form) {
        return save(form, settings -> { });
    }

    /**
     * Like {@link #save(Map)}, but {@code check} sees the settings as they would be first; when it throws, nothing is
     * stored.
     */
    public WatchedSettings save(Map<String, String> form, java.util.function.Consumer<WatchedSettings> check) {
        var locked = loadSourced().locked();
        Map<String, String> values = stored();
        for (String name : NAMES) {
            if (locked.contains(name) || !form.containsKey(name)) {
                continue;
            }
            String value = form.get(name) == null ? "" : form.get(name).strip();
            if (name.equals(API_KEY) && value.isEmpty()) {
                continue;
            }
            if (value.isEmpty()) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        }
        WatchedSettings checked = overlay(environment, WatchedOptions.parse(OptionLayer.of(values))).value();
        check.accept(checked);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM settings WHERE name LIKE 'cleanup.%'").execute();
            for (var value : values.entrySet()) {
                h.createUpdate("INSERT INTO settings (name, value) VALUES (:n, :v)").bind("n", "cleanup." + value.getKey())
                        .bind("v", value.getKey().equals(API_KEY) ? secrets.encrypt(value.getValue()) : value.getValue()).execute();
            }
        });
        return checked;
    }

    /** The page's layer as typed: the stored values, the API key unsealed. */
    private Map<String, String> stored() {
        Map<String, String> stored = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, value FROM settings WHERE name LIKE 'cleanup.%'")
                .map((rs, ctx) -> Map.entry(rs.getString("name").substring("cleanup.".length()), rs.getString("value")))
                .forEach(e -> stored.put(e.getKey(), e.getKey().equals(API_KEY) ? secrets.decrypt(e.getValue()) : e.getValue())));
        return stored;
    }

    private static Sourced<WatchedSettings> overlay(WatchedOptions env, WatchedOptions page) {
        SettingsOverlay overlay = new SettingsOverlay();
        URI url = overlay.pick(URL, null, env.jellyfinUrl(), Optional.empty(), page.jellyfinUrl());
        String apiKey = overlay.pick(API_KEY, null, env.jellyfinApiKey(), Optional.empty(), page.jellyfinApiKey());
        WatchedOptions.Strategy strategy = overlay.pick(WatchedOptions.STRATEGY, WatchedOptions.Strategy.PRIMARY, env.strategy(),
                Optional.empty(), page.strategy());
        String primary = overlay.pick(WatchedOptions.PRIMARY_USER, null, env.primaryUser(), Optional.empty(), page.primaryUser());
        List<String> users = overlay.pick(WatchedOptions.USERS, List.of(), env.users(), Optional.empty(), page.users());
        int graceMovies = overlay.pick(WatchedOptions.GRACE_DAYS_MOVIES, 5, env.graceDaysMovies(), Optional.empty(), page.graceDaysMovies());
        int graceEpisodes = overlay.pick(WatchedOptions.GRACE_DAYS_EPISODES, 5, env.graceDaysEpisodes(), Optional.empty(),
                page.graceDaysEpisodes());
        boolean keepFavorites = overlay.pick(KEEP_FAVORITES, true, env.keepFavorites(), Optional.empty(), page.keepFavorites());
        return overlay.result(new WatchedSettings(url, apiKey, Strategy.valueOf(strategy.name()), primary, users, graceMovies,
                graceEpisodes, keepFavorites, overlay.locked()));
    }
}
