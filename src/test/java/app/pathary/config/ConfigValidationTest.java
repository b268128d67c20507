package app.pathary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every variable of the README's table becomes a typed value at startup, or stops it with one sentence naming it. */
class ConfigValidationTest {
    private static AppConfig config(Map<String, String> env) {
        return AppConfig.from(new Environment(env));
    }

    private static void refused(Map<String, String> env, String sentence) {
        assertThatThrownBy(() -> config(env)).isInstanceOf(ConfigException.class).hasMessage(sentence);
    }

    @Test
    void nothing_set_gives_the_defaults_and_leaves_every_page_setting_open() {
        AppConfig config = config(Map.of());
        assertThat(config.watched().jellyfinUrl()).isEmpty();
        assertThat(config.watched().strategy()).isEmpty();
        assertThat(config.arr().instances()).isEmpty();
        assertThat(config.arr().actions()).isEqualTo(ActionOptions.none());
        assertThat(config.cleanup()).isEqualTo(CleanupOptions.defaults());
        assertThat(config.cleanup().schedule()).isEmpty();
        assertThat(config.configFile()).isEqualTo(ConfigFile.none());
        assertThat(config.logLevel()).isEqualTo("INFO");
    }

    @Test
    void the_watched_variables_become_typed_values() {
        AppConfig config = config(Map.of("JELLYFIN_URL", "http://jellyfin:8096/", "JELLYFIN_API_KEY", "k", "CLEANUP_STRATEGY", "ALL",
                "CLEANUP_PRIMARY_USER", "alice", "CLEANUP_USERS", "alice, bob,,", "CLEANUP_GRACE_DAYS_MOVIES", "7",
                "CLEANUP_GRACE_DAYS_EPISODES", "0", "CLEANUP_KEEP_FAVORITES", "no"));
        WatchedOptions watched = config.watched();
        assertThat(watched.jellyfinUrl()).contains(URI.create("http://jellyfin:8096"));
        assertThat(watched.strategy()).contains(WatchedOptions.Strategy.ALL);
        assertThat(watched.users()).contains(List.of("alice", "bob"));
        assertThat(watched.graceDaysMovies()).contains(7);
        assertThat(watched.graceDaysEpisodes()).contains(0);
        assertThat(watched.keepFavorites()).contains(false);
        assertThat(watched.toString()).as("the key never reaches a log line").doesNotContain("=Optional[k]");
    }

    @Test
    void the_arr_and_cleanup_variables_become_typed_values() {
        AppConfig config = config(Map.of("RADARR_URL", "http://radarr:7878", "RADARR_API_KEY", "rk", "RADARR_PATH_MAP",
                "/media/movies:/movies", "CLEANUP_KEEP_TAG", "hold", "CLEANUP_MOVIE_ACTION", "delete-file-and-unmonitor",
                "CLEANUP_EXECUTE", "true", "CLEANUP_SCHEDULE_HOURS", "12", "CLEANUP_PLAN_MAX_AGE_HOURS", "2",
                "CLEANUP_MAX_DELETIONS_PER_RUN", "0", "LOG_LEVEL", "debug"));
        assertThat(config.arr().radarr()).hasValueSatisfying(radarr -> {
            assertThat(radarr.name()).isEqualTo("radarr");
            assertThat(radarr.pathMap()).containsExactly(new PathPair("/media/movies", "/movies"));
        });
        assertThat(config.arr().sonarr()).isEmpty();
        assertThat(config.arr().keepTag()).contains("hold");
        assertThat(config.arr().actions().movieAction()).contains(ActionOptions.MovieAction.DELETE_FILE_AND_UNMONITOR);
        assertThat(config.arr().actions().execute()).contains(true);
        assertThat(config.arr().actions().importExclusion()).isEmpty();
        assertThat(config.cleanup()).isEqualTo(new CleanupOptions(0, 50, Duration.ofHours(2), Optional.of(Duration.ofHours(12))));
        assertThat(config.logLevel()).isEqualTo("DEBUG");
    }

    @Test
    void each_invalid_watched_value_is_one_sentence_naming_its_variable() {
        refused(Map.of("CLEANUP_STRATEGY", "sometimes"), "CLEANUP_STRATEGY must be primary, any or all, not 'sometimes'.");
        refused(Map.of("CLEANUP_GRACE_DAYS_MOVIES", "five"), "CLEANUP_GRACE_DAYS_MOVIES must be a number of days from 0 to 9999, not 'five'.");
        refused(Map.of("CLEANUP_GRACE_DAYS_EPISODES", "-1"), "CLEANUP_GRACE_DAYS_EPISODES must be a number of days from 0 to 9999, not '-1'.");
        refused(Map.of("CLEANUP_KEEP_FAVORITES", "maybe"), "CLEANUP_KEEP_FAVORITES must be true or false, not 'maybe'.");
        refused(Map.of("JELLYFIN_URL", "jellyfin:8096"), "JELLYFIN_URL must start with http:// or https://, not 'jellyfin:8096'.");
        refused(Map.of("JELLYFIN_URL", "http://jelly fin"), "JELLYFIN_URL is not a valid address: 'http://jelly fin'.");
        refused(Map.of("JELLYFIN_URL", "http://u:secret@jellyfin"), "JELLYFIN_URL must not hold a user name or password.");
        refused(Map.of("JELLYFIN_URL", "http://jellyfin/?x=1"), "JELLYFIN_URL must not have a query (?...) or fragment (#...).");
    }

    @Test
    void each_invalid_arr_or_cleanup_value_is_one_sentence_naming_its_variable() {
        refused(Map.of("RADARR_URL", "http://radarr"), "RADARR_URL and RADARR_API_KEY must be set together.");
        refused(Map.of("SONARR_API_KEY", "k"), "SONARR_URL and SONARR_API_KEY must be set together.");
        refused(Map.of("SONARR_PATH_MAP", "/tv:/tv"), "SONARR_PATH_MAP is set without SONARR_URL and SONARR_API_KEY; set them too.");
        refused(Map.of("RADARR_URL", "ftp://radarr", "RADARR_API_KEY", "k"), "RADARR_URL must start with http:// or https://, not 'ftp://radarr'.");
        refused(Map.of("RADARR_URL", "http://radarr", "RADARR_API_KEY", "k", "RADARR_PATH_MAP", "/media/movies=/movies"),
                "RADARR_PATH_MAP must be jellyfinPrefix:arrPrefix pairs separated by commas, such as /media/movies:/movies, not '/media/movies=/movies'.");
        refused(Map.of("CLEANUP_MOVIE_ACTION", "shred"), "CLEANUP_MOVIE_ACTION must be delete-movie-and-files or delete-file-and-unmonitor, not 'shred'.");
        refused(Map.of("CLEANUP_EXECUTE", "yes please"), "CLEANUP_EXECUTE must be true or false, not 'yes please'.");
        refused(Map.of("CLEANUP_IMPORT_EXCLUSION", "2"), "CLEANUP_IMPORT_EXCLUSION must be true or false, not '2'.");
        refused(Map.of("CLEANUP_DELETE_ENDED_SERIES", "t"), "CLEANUP_DELETE_ENDED_SERIES must be true or false, not 't'.");
        refused(Map.of("CLEANUP_SCHEDULE_HOURS", "0"), "CLEANUP_SCHEDULE_HOURS must be a whole number from 1 to 9999, not '0'.");
        refused(Map.of("CLEANUP_SCHEDULE_HOURS", "6h"), "CLEANUP_SCHEDULE_HOURS must be a whole number from 1 to 9999, not '6h'.");
        refused(Map.of("CLEANUP_PLAN_MAX_AGE_HOURS", "0"), "CLEANUP_PLAN_MAX_AGE_HOURS must be a whole number from 1 to 8760, not '0'.");
        refused(Map.of("CLEANUP_MAX_DELETIONS_PER_RUN", "many"), "CLEANUP_MAX_DELETIONS_PER_RUN must be a whole number from 0 to 1000000, not 'many'.");
        refused(Map.of("CLEANUP_MAX_DELETE_PERCENT", "0"), "CLEANUP_MAX_DELETE_PERCENT must be a whole number from 1 to 100, not '0'.");
        refused(Map.of("LOG_LEVEL", "LOUD"), "LOG_LEVEL must be TRACE, DEBUG, INFO, WARN, ERROR or OFF, not 'LOUD'.");
        refused(Map.of("DATA_DIR", "bad\0dir"), "DATA_DIR is not a valid path: 'bad\0dir'.");
    }
}
