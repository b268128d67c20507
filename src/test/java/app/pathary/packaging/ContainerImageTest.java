package app.pathary.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The container image, proven the way a self-hoster uses it: {@code packaging/container/image-test.sh} builds it with
 * podman, starts it on a volume, creates a user with {@code podman exec}, posts the Jellyfin webhook plugin's
 * PlaybackStop to that user's webhook URL, restarts the container and finds the watch date still there.
 * Where podman is missing or cannot start a container, the test is skipped with the script's reason (JUnit reports it
 * as skipped, and the reason is printed on standard error), never passed.
 */
class ContainerImageTest {
    private static final int CANNOT_RUN_HERE = 3;

    @Test
    void the_image_builds_serves_records_a_webhook_play_and_keeps_it_across_a_restart() throws Exception {
        Path script = Path.of("packaging/container/image-test.sh").toAbsolutePath();
        Path payload = Files.createTempFile("playback-stop", ".json");
        Path output = Files.createTempFile("image-test", ".log");
        try (FakeJellyfin jellyfin = FakeJellyfin.start()) {
            FakeUser alice = jellyfin.addUser("alice", "pw");
            FakeItem matrix = jellyfin.addMovie("The Matrix", 1999).tmdb("603").imdb("tt0133093");
            Files.writeString(payload, jellyfin.webhooks().playbackStop(alice, matrix, 81_600_000_000L, true));

            Process process = new ProcessBuilder("bash", script.toString(), payload.toString(), "603")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(20, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            System.err.println(log);
            if (process.exitValue() == CANNOT_RUN_HERE) {
                String reason = log.strip().lines().reduce((first, second) -> second).orElse("");
                System.err.println("NOTICE: ContainerImageTest skipped, the image was not built or run: " + reason);
                Assumptions.abort("podman cannot run containers here: " + reason);
            }
            assertThat(process.exitValue()).as(log).isZero();
            assertThat(log).contains("image-test passed");
        } finally {
            delete(payload);
            delete(output);
        }
    }

    private static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }
}
