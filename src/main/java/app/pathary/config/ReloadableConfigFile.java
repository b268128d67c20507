package app.pathary.config;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * CONFIG_FILE as Pathary uses it: read once at startup, kept in memory, read again only when asked (a settings page
 * saves, or serve gets SIGHUP). A re-read that fails keeps the previous contents and says why.
 */
public final class ReloadableConfigFile {
    private final AtomicReference<ConfigFile> current;
    private final AtomicInteger rereads = new AtomicInteger();

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

    /** How often the file was read since startup (the startup read not counted). */
    public int rereads() {
        return rereads.get();
    }
}
