package app.pathary.watched;

import app.pathary.common.InvalidInputException;
import app.pathary.common.SecretBox;
import app.pathary.config.Environment;
import app.pathary.jellyfin.client.ServerUrls;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads and saves the watched-state settings: each setting comes from its environment variable when set (which locks
 * it), else from the database (saved on the admin page), else its default. The API key is sealed at rest.
 */
public final class WatchedSettingsStore {
    static final String URL = "JELLYFIN_URL";
    static final String API_KEY = "JELLYFIN_API_KEY";
    static final String STRATEGY = "CLEANUP_STRATEGY";
    static final String PRIMARY = "CLEANUP_PRIMARY_USER";
    static final String USERS = "CLEANUP_USERS";
    static final String GRACE_MOVIES = "CLEANUP_GRACE_DAYS_MOVIES";
    static final String GRACE_EPISODES = "CLEANUP_GRACE_DAYS_EPISODES";
    public static final String KEEP_FAVORITES = "CLEANUP_KEEP_FAVORITES";
    public static final List<String> NAMES = List.of(URL, API_KEY, STRATEGY, PRIMARY, USERS, GRACE_MOVIES, GRACE_EPISODES, KEEP_FAVORITES);
    private final Jdbi jdbi;
    private final Environment environment;
    private final SecretBox secrets;

    public WatchedSettingsStore(Jdbi jdbi, Environment environment, SecretBox secrets) {
        this.jdbi = jdbi;
        this.environment = environment;
        this.secrets = secrets;
    }

    public WatchedSettings load() {
        Map<String, String> stored = stored();
        Set<String> locked = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        for (String name : NAMES) {
            Optional<String> fromEnv = environment.get(name);
            if (fromEnv.isPresent()) {
                locked.add(name);
                values.put(name, fromEnv.get());
            } else if (stored.containsKey(name)) {
                values.put(name, name.equals(API_KEY) ? secrets.decrypt(stored.get(name)) : stored.get(name));
            }
        }
        return parse(values, locked);
    }

    /** Saves the fields the environment does not fix; blank values go back to the default. */
    public WatchedSettings save(Map<String, String> form) {
        WatchedSettings current = load();
        Map<String, String> values = new HashMap<>(stored());
        values.replaceAll((name, value) -> name.equals(API_KEY) ? secrets.decrypt(value) : value);
        for (String name : NAMES) {
            if (current.locked().contains(name) || !form.containsKey(name)) {
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
        WatchedSettings checked = parse(values, Set.of());
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM settings WHERE name LIKE 'cleanup.%'").execute();
            for (var value : values.entrySet()) {
                h.createUpdate("INSERT INTO settings (name, value) VALUES (:n, :v)").bind("n", "cleanup." + value.getKey())
                        .bind("v", value.getKey().equals(API_KEY) ? secrets.encrypt(value.getValue()) : value.getValue()).execute();
            }
        });
        return checked;
    }

    private Map<String, String> stored() {
        Map<String, String> stored = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT name, value FROM settings WHERE name LIKE 'cleanup.%'")
                .map((rs, ctx) -> Map.entry(rs.getString("name").substring("cleanup.".length()), rs.getString("value")))
                .forEach(e -> stored.put(e.getKey(), e.getValue())));
        return stored;
    }

    static WatchedSettings parse(Map<String, String> values, Set<String> locked) {
        URI url = values.containsKey(URL) ? named(URL, () -> ServerUrls.normalise(values.get(URL))) : null;
        Strategy strategy = Strategy.parse(values.getOrDefault(STRATEGY, "primary"), STRATEGY);
        String primary = values.get(PRIMARY);
        List<String> users = values.containsKey(USERS)
                ? Arrays.stream(values.get(USERS).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
        int graceMovies = days(values.getOrDefault(GRACE_MOVIES, "5"), GRACE_MOVIES);
        int graceEpisodes = days(values.getOrDefault(GRACE_EPISODES, "5"), GRACE_EPISODES);
        boolean keepFavorites = bool(values.getOrDefault(KEEP_FAVORITES, "true"), KEEP_FAVORITES);
        return new WatchedSettings(url, values.get(API_KEY), strategy, primary, users, graceMovies, graceEpisodes, keepFavorites, locked);
    }

    private static URI named(String name, java.util.function.Supplier<URI> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + ": " + e.getMessage());
        }
    }

    private static int days(String value, String name) {
        if (!value.strip().matches("\\d{1,4}")) {
            throw new InvalidInputException(name + " must be a number of days from 0 to 9999, not '" + value + "'.");
        }
        return Integer.parseInt(value.strip());
    }

    private static boolean bool(String value, String name) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidInputException(name + " must be true or false, not '" + value + "'.");
        };
    }
}
