package app.pathary.notify;

import app.pathary.common.InvalidInputException;
import app.pathary.common.SecretBox;
import app.pathary.config.ChannelOptions;
import app.pathary.config.ConfigException;
import app.pathary.config.NotifyOptions;
import app.pathary.config.ReloadableConfigFile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The notification channels: from the environment, from CONFIG_FILE (re-read), and those saved on the page (their
 * secret sealed). A name is used once; the environment and the file win over the page.
 */
public final class NotificationChannels {
    private final Jdbi jdbi;
    private final NotifyOptions environment;
    private final ReloadableConfigFile configFile;
    private final SecretBox secrets;
    private final Clock clock;

    public NotificationChannels(Jdbi jdbi, NotifyOptions environment, ReloadableConfigFile configFile, SecretBox secrets, Clock clock) {
        this.jdbi = jdbi;
        this.environment = environment;
        this.configFile = configFile;
        this.secrets = secrets;
        this.clock = clock;
    }

    public List<Channel> all() {
        List<Channel> channels = new ArrayList<>();
        environment.channels().forEach(c -> channels.add(new Channel(null, "environment", c)));
        configFile.current().notifications().stream().filter(c -> channels.stream().noneMatch(k -> k.name().equals(c.name())))
                .forEach(c -> channels.add(new Channel(null, "CONFIG_FILE", c)));
        stored().stream().filter(c -> channels.stream().noneMatch(k -> k.name().equals(c.name()))).forEach(channels::add);
        return channels;
    }

    public Optional<Channel> byName(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Saves a channel from the page; a bad field is a 4xx naming it. An empty secret keeps the stored one. */
    public Channel save(ChannelOptions options) {
        ChannelOptions checked;
        try {
            checked = options.checked("The channel");
        } catch (ConfigException e) {
            throw new InvalidInputException(e.getMessage());
        }
        Optional<Channel> existing = byName(checked.name());
        if (existing.isPresent() && existing.get().id() == null) {
            throw new InvalidInputException("The channel " + checked.name() + " is set by " + existing.get().source()
                    + "; change it there or choose another name.");
        }
        String secret = checked.secret().isEmpty() && existing.isPresent() ? existing.get().options().secret() : checked.secret();
        String sealed = secret.isEmpty() ? "" : secrets.encrypt(secret);
        jdbi.useHandle(h -> {
            h.createUpdate("DELETE FROM notify_channels WHERE name = :name").bind("name", checked.name()).execute();
            h.createUpdate("""
                            INSERT INTO notify_channels (name, kind, url, topic, username, secret, from_address, to_addresses, events, created_at)
                            VALUES (:name, :kind, :url, :topic, :username, :secret, :from, :to, :events, :now)""")
                    .bind("name", checked.name()).bind("kind", checked.kind()).bind("url", checked.url()).bind("topic", checked.topic())
                    .bind("username", checked.username()).bind("secret", sealed).bind("from", checked.from()).bind("to", checked.to())
                    .bind("events", String.join(",", checked.events())).bind("now", clock.millis()).execute();
        });
        return byName(checked.name()).orElseThrow();
    }

    public void remove(long id) {
        int removed = jdbi.withHandle(h -> h.createUpdate("DELETE FROM notify_channels WHERE id = :id").bind("id", id).execute());
        if (removed == 0) {
            throw new InvalidInputException("There is no channel " + id + " saved on this page.");
        }
    }

    private List<Channel> stored() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM notify_channels ORDER BY name")
                .map((rs, ctx) -> new Channel(rs.getLong("id"), "page", new ChannelOptions(rs.getString("name"), rs.getString("kind"),
                        rs.getString("url"), rs.getString("topic"), rs.getString("username"),
                        rs.getString("secret").isEmpty() ? "" : secrets.decrypt(rs.getString("secret")), rs.getString("from_address"),
                        rs.getString("to_addresses"), ChannelOptions.events("events", rs.getString("events")))))
                .list());
    }
}
