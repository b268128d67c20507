package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.TestApp;
import app.pathary.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;

/** SIGHUP makes serve read CONFIG_FILE again; a bad file then keeps the previous contents. */
class HangupReloadTest {
    @TempDir
    Path dir;

    @Test
    void sighup_reads_config_file_again_and_a_bad_file_keeps_what_was_read() throws Exception {
        Path file = dir.resolve("pathary.yaml");
        Files.writeString(file, "cleanup:\n  execute: false\n");
        try (TestApp app = TestApp.start(TestDatabases.freshSqlite(), Clock.systemUTC(), Map.of("CONFIG_FILE", file.toString()))) {
            Semaphore handled = new Semaphore(0);
            AutoCloseable restore = HangupReload.install(() -> {
                try {
                    ServeCommand.reread(app.app);
                } finally {
                    handled.release();
                }
            }).orElseThrow();
            try {
                Files.writeString(file, "cleanup:\n  execute: true\n");
                assertThat(app.app.cleanup.instances().actions().execute()).as("not read before the signal").isFalse();
                Signal.raise(new Signal("HUP"));
                assertThat(handled.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
                assertThat(app.app.configFile.rereads()).isEqualTo(1);
                assertThat(app.app.cleanup.instances().actions().execute()).isTrue();

                Files.writeString(file, "cleanup: [not, a, mapping\n");
                Signal.raise(new Signal("HUP"));
                assertThat(handled.tryAcquire(30, TimeUnit.SECONDS)).isTrue();
                assertThat(app.app.configFile.rereads()).isEqualTo(2);
                assertThat(app.app.cleanup.instances().actions().execute()).as("the previous contents stay in use").isTrue();
            } finally {
                restore.close();
            }
        }
    }
}
