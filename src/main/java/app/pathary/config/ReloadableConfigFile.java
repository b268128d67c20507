package app.pathary.config;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * CONFIG_FILE as Pathary uses it: read once at startup, kept in memory, read again when asked (a settings page saves,
 * or serve gets SIGHUP) and, in serve, looked at every {@link #CHECK_EVERY} so that replicas sharing one file (a
 * Kubernetes ConfigMap) all follow a change. A re-read that fails keeps the previous contents and says why.
 */
public final class ReloadableConfigFile {
    private final AtomicReference<ConfigFile> current;
    /** How often serve looks whether the file changed: the longest a replica keeps contents another one has replaced. */
    public static final java.time.Duration CHECK_EVERY = java.time.Duration.ofSeconds(30);
    private final AtomicInteger rereads = new AtomicInteger();
    private String lastProblem;

    /** What a look at the file found: whether other contents were taken, and a problem not reported before (or null). */
    public record Refresh(boolean changed, String problem) {
    }

    public ReloadableConfigFile(ConfigFile initial) {
        this.current = new AtomicReference<>(initial);
    }

    public ConfigFile current() {
        return current.get();
    }

    /** Reads the file again (nothing happens without CONFIG_FILE); on a bad file the previous contents stay in use. */
    public ConfigFile reload() {
        ConfigFile previous = current.get();
        if (previous.path().isEmpty()) {
            return previous;
        }
        rereads.incrementAndGet();
        try {
            ConfigFile fresh = ConfigFile.read(previous.path().get());
            current.set(fresh);
            return fresh;
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage().replaceAll("\\.$", "") + "; the previous contents stay in use.");
        }
    }

    /**
     * Reads the file and takes its contents when they differ from those in use (not counted in {@link #rereads}). A bad
     * file keeps the previous contents; the same problem is reported once, not at every look.
     */
    public synchronized Refresh refresh() {
        ConfigFile previous = current.get();
        if (previous.path().isEmpty()) {
            return new Refresh(false, null);
        }
        try {
            ConfigFile fresh = ConfigFile.read(previous.path().get());
            lastProblem = null;
            return new Refresh(!fresh.equals(previous) && current.compareAndSet(previous, fresh), null);
        } catch (ConfigException e) {
            String problem = e.getMessage().replaceAll("\\.$", "") + "; the previous contents stay in use.";
            boolean reported = problem.equals(lastProblem);
            lastProblem = problem;
            return new Refresh(false, reported ? null : problem);
        }
    }

    /** How often the file was read since startup (the startup read not counted). */
    public int rereads() {
        return rereads.get();
    }
}
