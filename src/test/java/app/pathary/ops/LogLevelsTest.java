package app.pathary.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.config.AppConfig;
import app.pathary.config.Environment;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogLevelsTest {
    @Test
    void a_level_given_as_a_file_reaches_the_root_logger(@TempDir Path folder) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        Path file = Files.writeString(folder.resolve("level"), "WARN\n");
        try {
            AppConfig config = AppConfig.from(new Environment(Map.of("DATA_DIR", folder.toString(), "LOG_LEVEL_FILE", file.toString())));
            LogLevels.applyRoot(config.logLevel());

            assertThat(root.getLevel()).isEqualTo(Level.WARN);
            assertThat(LoggerFactory.getLogger("app.pathary.anything").isInfoEnabled()).isFalse();
        } finally {
            root.setLevel(before);
        }
    }
}
