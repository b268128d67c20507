package app.pathary.cli;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP re-reads CONFIG_FILE while serve runs (instead of the JVM's default, which would stop it). Where HUP does
 * not exist (Windows) or cannot be caught, serve runs without it and says so; a restart then re-reads the file.
 */
final class HangupReload {
    private static final Logger LOG = LoggerFactory.getLogger(HangupReload.class);

    private HangupReload() {
    }

    /** Installs {@code reload} for SIGHUP; the returned handle puts the previous handler back (tests). */
    static Optional<AutoCloseable> install(Runnable reload) {
        try {
            Signal hup = new Signal("HUP");
            SignalHandler previous = Signal.handle(hup, signal -> run(reload));
            return Optional.of(() -> Signal.handle(hup, previous));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.info("SIGHUP is not available here ({}); restart Pathary to re-read CONFIG_FILE", e.getMessage());
            return Optional.empty();
        }
    }

    private static void run(Runnable reload) {
        try {
            reload.run();
        } catch (RuntimeException e) {
            LOG.warn("SIGHUP: {}", e.getMessage());
            LOG.debug("SIGHUP reload failed", e);
        }
    }
}
