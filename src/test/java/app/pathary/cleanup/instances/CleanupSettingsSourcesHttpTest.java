package app.pathary.cleanup.instances;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.config.ActionOptions;
import app.pathary.config.WatchedOptions;
import app.pathary.testing.TestApp;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import app.pathary.testing.WebClient;
import app.pathary.watched.Strategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cleanup settings page over HTTP: each setting says which layer won (environment > CONFIG_FILE > page > default),
 * and CONFIG_FILE is read at startup and again only when the page saves.
 */
@BothDialects
class CleanupSettingsSourcesHttpTest {
    private static final String PATH = "/settings/server/cleanup";
    @TempDir
    Path dir;
    private Path file;
    private TestApp app;
    private WebClient admin;

    @BeforeEach
    void start(Dialect dialect) throws IOException {
        file = dir.resolve("pathary.yaml");
        Files.writeString(file, """
                radarr:
                  - {name: radarr-uhd, url: "http://127.0.0.1:9", apiKey: k4}
                cleanup:
                  keepTag: hold
                  importExclusion: true
                  execute: true
                """);
        app = TestApp.start(TestDatabases.fresh(dialect), Clock.systemUTC(), Map.of("JELLYFIN_URL", "http://127.0.0.1:9",
                "CLEANUP_EXECUTE", "false", "CONFIG_FILE", file.toString()));
        app.app.users.accounts().create("root@example.org", "password1", "root", true);
        admin = app.client();
        admin.logIn("root", "password1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private String source(String name) {
        Matcher m = Pattern.compile("id=\"source-" + name + "\">([^<]*)<").matcher(admin.get(PATH).body());
        assertThat(m.find()).as("a source line for " + name).isTrue();
        return m.group(1);
    }

    @Test
    void each_setting_says_which_layer_set_it() {
        admin.submit(PATH, PATH, Map.of("CLEANUP_STRATEGY", "any"));
        assertThat(source("JELLYFIN_URL")).isEqualTo("from the environment");
        assertThat(source("CLEANUP_EXECUTE")).as("the environment's false wins over the file's true").isEqualTo("from the environment");
        assertThat(app.app.cleanup.instances().actions().execute()).isFalse();
        assertThat(source("CLEANUP_IMPORT_EXCLUSION")).isEqualTo("from CONFIG_FILE");
        assertThat(source("CLEANUP_KEEP_TAG")).isEqualTo("from CONFIG_FILE");
        assertThat(admin.get(PATH).body()).contains("<code id=\"keep-tag\">hold</code>");
        assertThat(source("CLEANUP_STRATEGY")).isEqualTo("set on this page");
        assertThat(app.app.watched.settings().load().strategy()).isEqualTo(Strategy.ANY);
        assertThat(source("CLEANUP_GRACE_DAYS_MOVIES")).isEqualTo("default");
        assertThat(source("CLEANUP_MOVIE_ACTION")).isEqualTo("default");
        assertThat(source("JELLYFIN_API_KEY")).isEqualTo("default");
    }

    @Test
    void config_file_wins_over_the_page_once_it_is_read_again() throws IOException {
        admin.submit(PATH, PATH + "/actions", Map.of("CLEANUP_DELETE_ENDED_SERIES", "true", "CLEANUP_IMPORT_EXCLUSION", "false"));
        assertThat(source("CLEANUP_DELETE_ENDED_SERIES")).isEqualTo("set on this page");
        assertThat(app.app.cleanup.instances().actions().deleteEndedSeries()).isTrue();
        assertThat(app.app.cleanup.instances().actions().importExclusion()).as("locked by CONFIG_FILE, the page cannot change it").isTrue();

        Files.writeString(file, Files.readString(file) + "  deleteEndedSeries: false\n");
        assertThat(source("CLEANUP_DELETE_ENDED_SERIES")).as("held in memory until a save or SIGHUP").isEqualTo("set on this page");
        admin.submit(PATH, PATH, Map.of("CLEANUP_STRATEGY", "any", "CLEANUP_GRACE_DAYS_MOVIES", "3"));
        assertThat(source("CLEANUP_DELETE_ENDED_SERIES")).isEqualTo("from CONFIG_FILE");
        assertThat(app.app.cleanup.instances().actions().deleteEndedSeries()).isFalse();
        assertThat(admin.get(PATH).body()).containsPattern("id=\"CLEANUP_DELETE_ENDED_SERIES\"[^>]*disabled");
    }

    @Test
    void config_file_is_read_at_startup_and_again_only_when_the_page_saves() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(admin.get(PATH).body()).contains("value=\"radarr-uhd\"");
            app.app.cleanup.instances().instances();
            app.app.cleanup.instances().actions();
        }
        assertThat(app.app.configFile.rereads()).isZero();

        Files.delete(file);
        assertThat(admin.get(PATH).body()).as("answered from memory").contains("value=\"radarr-uhd\"").doesNotContain("arr-problem");
        assertThat(app.app.cleanup.instances().actions().importExclusion()).isTrue();
        assertThat(app.app.configFile.rereads()).isZero();

        admin.submit(PATH, PATH + "/actions", Map.of("CLEANUP_DELETE_ENDED_SERIES", "true"));
        assertThat(app.app.configFile.rereads()).isEqualTo(1);
        assertThat(admin.get(PATH).body()).contains("CONFIG_FILE names " + file + ", which cannot be read; the previous contents stay in use.");
        assertThat(source("CLEANUP_DELETE_ENDED_SERIES")).as("nothing saved while the file is unreadable").isEqualTo("default");

        Files.writeString(file, "radarr:\n  - {name: radarr-hd, url: \"http://127.0.0.1:9\", apiKey: khd}\n");
        admin.submit(PATH, PATH, Map.of("CLEANUP_STRATEGY", "any", "CLEANUP_GRACE_DAYS_MOVIES", "3"));
        assertThat(app.app.configFile.rereads()).isEqualTo(2);
        assertThat(admin.get(PATH).body()).contains("value=\"radarr-hd\"").doesNotContain("value=\"radarr-uhd\"");
        assertThat(source("CLEANUP_IMPORT_EXCLUSION")).isEqualTo("default");
    }

    @Test
    void the_feature_enums_know_every_value_the_configuration_accepts() {
        for (WatchedOptions.Strategy strategy : WatchedOptions.Strategy.values()) {
            assertThat(Strategy.valueOf(strategy.name()).value()).isEqualTo(strategy.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (ActionOptions.MovieAction action : ActionOptions.MovieAction.values()) {
            assertThat(CleanupActions.MovieAction.parse(action.value(), "test").value()).isEqualTo(action.value());
        }
    }
}
