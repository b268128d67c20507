package app.pathary.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Pathary's logging, set up in code (found by logback through {@code META-INF/services}): every line to standard error
 * (CLI commands keep standard output for their values) in {@code LOG_FORMAT} ({@link LogLines}), the root at
 * {@code LOG_LEVEL}, the chatty libraries at WARN. Reading the same from a logback.xml loaded about 600 classes (an XML
 * parser, logback's configuration model) on every start: a fifth of a short command's CPU. A configuration file given
 * with {@code -Dlogback.configurationFile} is still read as before.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String[] QUIET = {"org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb", "io.javalin"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogLines encoder = new LogLines();
        encoder.setContext(context);
        encoder.setFormat(setting("LOG_FORMAT", "text"));
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(setting("LOG_LEVEL", "INFO").strip(), Level.INFO));
        root.addAppender(appender);
        for (String quiet : QUIET) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** As logback.xml's {@code ${NAME:-default}} read it: a system property, else the environment, else the default. */
    private static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isEmpty() ? fallback : value;
    }
}
