package app.pathary.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One notification channel as configured (environment, CONFIG_FILE or the notifications page).
 *
 * @param kind     {@code webhook}, {@code ntfy}, {@code discord} or {@code email}
 * @param url      webhook / Discord webhook / ntfy server address; for e-mail {@code smtp://host:port} or {@code smtps://host:port}
 * @param topic    ntfy: the topic
 * @param username e-mail: the SMTP user (empty: no login)
 * @param secret   ntfy: the access token (sent as a bearer token); e-mail: the SMTP password; never shown or logged
 * @param from     e-mail: the sender address
 * @param to       e-mail: the recipients, comma-separated
 * @param events   the events sent to this channel (names of {@link #EVENTS})
 */
public record ChannelOptions(String name, String kind, String url, String topic, String username, String secret, String from, String to,
        List<String> events) {
    public static final List<String> KINDS = List.of("webhook", "ntfy", "discord", "email");
    public static final List<String> EVENTS = List.of("leaving-soon", "deleted", "run-stopped", "keep-requested", "keep-decided");

    public ChannelOptions {
        events = List.copyOf(events);
        topic = topic == null ? "" : topic.strip();
        username = username == null ? "" : username.strip();
        secret = secret == null ? "" : secret;
        from = from == null ? "" : from.strip();
        to = to == null ? "" : to.strip();
    }

    @Override
    public String toString() {
        return "ChannelOptions[" + name + ", " + kind + ", " + url + "]";
    }

    /** Parses comma-separated event names; empty or {@code all} means every event. */
    public static List<String> events(String where, String text) {
        if (text == null || text.isBlank() || text.strip().equals("all")) {
            return EVENTS;
        }
        List<String> names = OptionRules.names(text.toLowerCase(Locale.ROOT));
        for (String name : names) {
            if (!EVENTS.contains(name)) {
                throw new ConfigException(where + " names an unknown event '" + name + "'; the events are " + String.join(", ", EVENTS) + ".");
            }
        }
        return List.copyOf(Set.copyOf(names)).stream().sorted(java.util.Comparator.comparingInt(EVENTS::indexOf)).toList();
    }

    /** Checks the fields this kind needs; throws one sentence naming {@code where} and the field. */
    public ChannelOptions checked(String where) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new ConfigException(where + ": the name must be 1 to 40 lower-case letters, digits, - or _, not '" + name + "'.");
        }
        if (!KINDS.contains(kind)) {
            throw new ConfigException(where + ": the kind must be one of " + String.join(", ", KINDS) + ", not '" + kind + "'.");
        }
        if (kind.equals("email")) {
            URI smtp = smtp(where, url);
            if (from.isEmpty() || !from.contains("@")) {
                throw new ConfigException(where + ": the sender address (from) is missing or not an e-mail address.");
            }
            if (to.isEmpty() || OptionRules.names(to).stream().anyMatch(a -> !a.contains("@"))) {
                throw new ConfigException(where + ": the recipients (to) are missing or not e-mail addresses.");
            }
            return new ChannelOptions(name, kind, smtp.toString(), topic, username, secret, from, to, events);
        }
        URI address = OptionRules.serverUrl(where + ": url", url == null ? "" : url);
        if (kind.equals("ntfy") && !topic.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new ConfigException(where + ": the ntfy topic must be 1 to 64 letters, digits, - or _.");
        }
        return new ChannelOptions(name, kind, address.toString(), topic, username, secret, from, to, events);
    }

    private static URI smtp(String where, String text) {
        try {
            URI uri = new URI(text == null ? "" : text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("smtp") || scheme.equals("smtps")) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // falls through to the sentence below
        }
        throw new ConfigException(where + ": the url must be smtp://host:port or smtps://host:port (no user name in it), not '" + text + "'.");
    }
}
