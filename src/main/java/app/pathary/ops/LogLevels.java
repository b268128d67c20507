package app.pathary.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the parsed {@code LOG_LEVEL} to the root logger. LogSetup reads the plain variable only, so a level given
 * as {@code LOG_LEVEL_FILE} (or one that logback could not see) takes effect here, once the configuration is parsed.
 */
public final class LogLevels {
    private LogLevels() {
    }

    public static void applyRoot(String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
