package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invalid value stops any command, serve included, before it opens the database or binds a port: exit code 1 and
 * one sentence naming the variable (the CONFIG_FILE key and path for the file's values).
 */
class ConfigStartupCliTest {
    @TempDir
    Path dir;

    private CliRunner.Run run(Map<String, String> variables, String... args) {
        Map<String, String> env = new HashMap<>(variables);
        env.put("DATA_DIR", dir.resolve("data").toString());
        return CliRunner.run(env, "", args);
    }

    private void stops(Map<String, String> variables, String sentence) {
        for (String[] command : new String[][] {{"migrate"}, {"serve", "--host", "127.0.0.1", "--port", "0"}}) {
            CliRunner.Run run = run(variables, command);
            assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo(sentence);
        }
        assertThat(dir.resolve("data")).as("nothing was opened").doesNotExist();
    }

    @Test
    void a_strategy_that_is_not_one_of_the_three_stops_startup() {
        stops(Map.of("CLEANUP_STRATEGY", "sometimes"), "CLEANUP_STRATEGY must be primary, any or all, not 'sometimes'.");
    }

    @Test
    void a_grace_period_that_is_not_a_number_stops_startup() {
        stops(Map.of("CLEANUP_GRACE_DAYS_MOVIES", "a week"), "CLEANUP_GRACE_DAYS_MOVIES must be a number of days from 0 to 9999, not 'a week'.");
    }

    @Test
    void a_bad_url_stops_startup() {
        stops(Map.of("SONARR_URL", "sonarr:8989", "SONARR_API_KEY", "k"), "SONARR_URL must start with http:// or https://, not 'sonarr:8989'.");
    }

    @Test
    void a_bad_path_map_stops_startup() {
        stops(Map.of("RADARR_URL", "http://radarr:7878", "RADARR_API_KEY", "k", "RADARR_PATH_MAP", "/media/movies"),
                "RADARR_PATH_MAP must be jellyfinPrefix:arrPrefix pairs separated by commas, such as /media/movies:/movies, not '/media/movies'.");
    }

    @Test
    void a_schedule_of_zero_hours_stops_startup() {
        stops(Map.of("CLEANUP_SCHEDULE_HOURS", "0"), "CLEANUP_SCHEDULE_HOURS must be a whole number from 1 to 9999, not '0'.");
    }

    @Test
    void a_missing_config_file_stops_startup() {
        Path missing = dir.resolve("missing.yaml");
        stops(Map.of("CONFIG_FILE", missing.toString()), "CONFIG_FILE names " + missing + ", which cannot be read.");
    }

    @Test
    void a_config_file_that_is_not_yaml_stops_startup() throws IOException {
        Path file = dir.resolve("pathary.yaml");
        Files.writeString(file, "radarr:\n  - name: radarr-4k\n   url: http://radarr4k:7878\n");
        stops(Map.of("CONFIG_FILE", file.toString()), "CONFIG_FILE " + file + " is not valid YAML (line 3, column 4).");
    }

    @Test
    void a_bad_value_in_the_config_file_names_the_file_and_the_key() throws IOException {
        Path file = dir.resolve("pathary.yaml");
        Files.writeString(file, "cleanup:\n  execute: sometimes\n");
        stops(Map.of("CONFIG_FILE", file.toString()), "CONFIG_FILE " + file + " key cleanup.execute must be true or false, not 'sometimes'.");
    }
}
