package app.pathary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONFIG_FILE is read and checked at startup; each problem is one sentence naming the file and the key. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("pathary.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static AppConfig config(Path file) {
        return AppConfig.from(new Environment(Map.of("CONFIG_FILE", file.toString())));
    }

    private void refused(String yaml, String sentenceAfterPath) throws IOException {
        Path file = file(yaml);
        assertThatThrownBy(() -> config(file)).isInstanceOf(ConfigException.class).hasMessage("CONFIG_FILE " + file + sentenceAfterPath);
    }

    @Test
    void instances_and_actions_are_typed_at_startup() throws IOException {
        Path key = dir.resolve("sonarr.key");
        Files.writeString(key, "sk\n");
        ConfigFile parsed = config(file("""
                radarr:
                  - name: radarr-4k
                    url: http://radarr4k:7878/
                    apiKey: rk
                    pathMap: [ "/media/movies4k:/movies", "/media/old:/old" ]
                    keepTag: hold
                sonarr:
                  - name: sonarr
                    url: http://sonarr:8989
                    apiKeyFile: %s
                    pathMap: /media/tv:/tv
                cleanup:
                  keepTag: keep-me
                  execute: true
                  movieAction: delete-file-and-unmonitor
                """.formatted(key))).configFile();
        assertThat(parsed.path()).contains(dir.resolve("pathary.yaml"));
        assertThat(parsed.radarr()).singleElement().satisfies(r -> {
            assertThat(r.url()).isEqualTo(URI.create("http://radarr4k:7878"));
            assertThat(r.pathMap()).containsExactly(new PathPair("/media/movies4k", "/movies"), new PathPair("/media/old", "/old"));
            assertThat(r.keepTag()).contains("hold");
        });
        assertThat(parsed.sonarr()).singleElement().satisfies(s -> assertThat(s.apiKey()).isEqualTo("sk"));
        assertThat(parsed.keepTag()).contains("keep-me");
        assertThat(parsed.actions()).isEqualTo(new ActionOptions(Optional.of(ActionOptions.MovieAction.DELETE_FILE_AND_UNMONITOR),
                Optional.empty(), Optional.empty(), Optional.of(true)));
    }

    @Test
    void a_missing_file_or_bad_yaml_stops_startup() throws IOException {
        Path missing = dir.resolve("nowhere.yaml");
        assertThatThrownBy(() -> config(missing)).hasMessage("CONFIG_FILE names " + missing + ", which cannot be read.");
        refused("radarr:\n  - name: [unclosed\n", " is not valid YAML (line 2, column 20).");
        refused("just words", " must hold a YAML mapping with radarr:, sonarr: and cleanup:.");
    }

    @Test
    void a_bad_value_names_its_key() throws IOException {
        refused("radarr:\n  - name: r\n    url: radarr:7878\n    apiKey: k\n",
                " key radarr[0].url must start with http:// or https://, not 'radarr:7878'.");
        refused("sonarr:\n  - name: s\n    url: http://sonarr\n    apiKey: k\n    pathMap: tv:/tv\n",
                " key sonarr[0].pathMap must be jellyfinPrefix:arrPrefix pairs separated by commas, such as /media/movies:/movies, not 'tv:/tv'.");
        refused("radarr:\n  - name: r\n    url: http://radarr\n", " key radarr[0].apiKey is missing.");
        refused("radarr:\n  - url: http://radarr\n    apiKey: k\n", " key radarr[0].name is missing.");
        refused("radarr:\n  - name: r\n    url: http://radarr\n    apiKeyFile: /nonexistent/key\n",
                " key radarr[0].apiKeyFile names /nonexistent/key, which cannot be read.");
        refused("cleanup:\n  execute: sometimes\n", " key cleanup.execute must be true or false, not 'sometimes'.");
        refused("cleanup:\n  movieAction: burn\n", " key cleanup.movieAction must be delete-movie-and-files or delete-file-and-unmonitor, not 'burn'.");
        refused("radarr: http://radarr\n", " key radarr must be a list of instances.");
    }

    @Test
    void an_unknown_key_or_a_name_used_twice_stops_startup() throws IOException {
        refused("radarr:\n  - name: r\n    url: http://radarr\n    apikey: k\n",
                " has an unknown key radarr[0].apikey; the keys there are apiKey, apiKeyFile, keepTag, name, pathMap, url.");
        refused("clean-up:\n  execute: true\n", " has an unknown key clean-up; the keys there are cleanup, notifications, radarr, sonarr.");
        refused("radarr:\n  - {name: a, url: 'http://r1', apiKey: k}\nsonarr:\n  - {name: a, url: 'http://s1', apiKey: k}\n",
                " names two instances 'a'; names must differ.");
        Path clash = file("radarr:\n  - {name: radarr, url: 'http://r1', apiKey: k}\n");
        assertThatThrownBy(() -> AppConfig.from(new Environment(Map.of("CONFIG_FILE", clash.toString(), "RADARR_URL", "http://r0",
                "RADARR_API_KEY", "k")))).hasMessage("CONFIG_FILE " + clash + " names an instance 'radarr', the name of the one RADARR_URL sets; "
                        + "choose another name.");
    }

    @Test
    void a_reload_reads_the_file_again_and_a_bad_one_keeps_the_previous_contents() throws IOException {
        Path file = file("cleanup:\n  execute: true\n");
        ReloadableConfigFile live = new ReloadableConfigFile(config(file).configFile());
        assertThat(live.rereads()).isZero();
        Files.writeString(file, "cleanup:\n  execute: false\n");
        assertThat(live.current().actions().execute()).as("held in memory until asked").contains(true);
        assertThat(live.reload().actions().execute()).contains(false);
        Files.delete(file);
        assertThatThrownBy(live::reload).isInstanceOf(ConfigException.class)
                .hasMessage("CONFIG_FILE names " + file + ", which cannot be read; the previous contents stay in use.");
        assertThat(live.current().actions().execute()).contains(false);
        assertThat(live.rereads()).isEqualTo(2);
        assertThat(new ReloadableConfigFile(ConfigFile.none()).reload()).as("no file, nothing to read").isEqualTo(ConfigFile.none());
    }

    @Test
    void a_look_at_the_file_takes_changed_contents_and_reports_a_bad_file_once() throws IOException {
        Path file = file("cleanup:\n  execute: true\n");
        ReloadableConfigFile live = new ReloadableConfigFile(config(file).configFile());
        assertThat(live.refresh()).isEqualTo(new ReloadableConfigFile.Refresh(false, null));
        Files.writeString(file, "cleanup:\n  execute: false\n");
        assertThat(live.refresh()).as("changed by another replica's page, or a ConfigMap update")
                .isEqualTo(new ReloadableConfigFile.Refresh(true, null));
        assertThat(live.current().actions().execute()).contains(false);
        Files.writeString(file, "cleanup: [\n");
        assertThat(live.refresh().problem()).startsWith("CONFIG_FILE " + file + " is not valid YAML")
                .endsWith("; the previous contents stay in use.");
        assertThat(live.refresh()).as("reported once").isEqualTo(new ReloadableConfigFile.Refresh(false, null));
        assertThat(live.current().actions().execute()).contains(false);
        assertThat(live.rereads()).as("looks are not re-reads asked for").isZero();
    }
}
