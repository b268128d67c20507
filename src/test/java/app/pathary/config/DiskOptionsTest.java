package app.pathary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CLEANUP_DISK_* and CONFIG_FILE cleanup.disks: parsed once, a bad value is one sentence naming the setting. */
class DiskOptionsTest {
    @TempDir
    Path dir;

    private static Environment env(Map<String, String> values) {
        return new Environment(values);
    }

    @Test
    void a_share_in_use_or_free_space_in_decimal_units() {
        assertThat(DiskLimit.parse("X", "90%")).isEqualTo(new DiskLimit(90, null));
        assertThat(DiskLimit.parse("X", " 200 GB ")).isEqualTo(new DiskLimit(null, 200_000_000_000L));
        assertThat(DiskLimit.parse("X", "1.5TB")).isEqualTo(new DiskLimit(null, 1_500_000_000_000L));
        assertThat(DiskLimit.parse("X", "90%").freeBytesOn(1_000L)).isEqualTo(100);
        assertThat(DiskLimit.parse("X", "90%").freeBytesOn(null)).as("a share of a disk of unknown size").isNull();
        assertThatThrownBy(() -> DiskLimit.parse("CLEANUP_DISK_THRESHOLD", "100%")).hasMessageStartingWith("CLEANUP_DISK_THRESHOLD must be a share");
        assertThatThrownBy(() -> DiskLimit.parse("CLEANUP_DISK_THRESHOLD", "lots")).hasMessageContaining("not 'lots'");
    }

    @Test
    void the_target_defaults_to_the_threshold_and_must_not_ask_for_less_free_space() {
        DiskOptions options = DiskOptions.parse(env(Map.of("CLEANUP_DISK_THRESHOLD", "90%")));
        assertThat(options.threshold()).contains(new DiskLimit(90, null));
        assertThat(options.target()).isEmpty();
        assertThat(options.includeWaiting()).isFalse();
        assertThatThrownBy(() -> DiskOptions.parse(env(Map.of("CLEANUP_DISK_THRESHOLD", "80%", "CLEANUP_DISK_TARGET", "90%"))))
                .hasMessage("CLEANUP_DISK_TARGET (90 %) must ask for at least as much free space as CLEANUP_DISK_THRESHOLD (80 %).");
        assertThatThrownBy(() -> DiskOptions.parse(env(Map.of("CLEANUP_DISK_TARGET", "80%"))))
                .hasMessageContaining("CLEANUP_DISK_TARGET needs CLEANUP_DISK_THRESHOLD");
        assertThat(DiskOptions.parse(env(Map.of())).threshold()).isEmpty();
    }

    @Test
    void config_file_gives_root_folders_their_own_limits() throws Exception {
        Path file = dir.resolve("pathary.yaml");
        Files.writeString(file, """
                cleanup:
                  disks:
                    - { rootFolder: /mnt/nas/tv, instance: sonarr, threshold: 200GB, target: 500GB }
                    - { rootFolder: /movies, threshold: 90% }
                """);
        ConfigFile config = ConfigFile.read(file);
        assertThat(config.diskRules()).containsExactly(
                new DiskOptions.RootRule("/mnt/nas/tv", Optional.of("sonarr"), new DiskLimit(null, 200_000_000_000L), new DiskLimit(null, 500_000_000_000L)),
                new DiskOptions.RootRule("/movies", Optional.empty(), new DiskLimit(90, null), new DiskLimit(90, null)));

        Files.writeString(file, """
                cleanup:
                  disks:
                    - { rootFolder: /movies, threshold: 90%, target: 95% }
                """);
        assertThatThrownBy(() -> ConfigFile.read(file)).hasMessageContaining("key cleanup.disks[0].target (95 %) must ask for at least as much free space");
        Files.writeString(file, """
                cleanup:
                  disks:
                    - { rootFolder: /movies, treshold: 90% }
                """);
        assertThatThrownBy(() -> ConfigFile.read(file)).hasMessageContaining("unknown key cleanup.disks[0].treshold");
    }
}
