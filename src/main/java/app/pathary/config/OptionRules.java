package app.pathary.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The rule each kind of option value must meet; a value that breaks it is a one-sentence {@link ConfigException}. */
public final class OptionRules {
    private OptionRules() {
    }

    public static int wholeNumber(String name, String text, int min, int max) {
        String value = text.strip();
        if (!value.matches("\\d{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
            throw new ConfigException(name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'.");
        }
        return Integer.parseInt(value);
    }

    public static int days(String name, String text) {
        if (!text.strip().matches("\\d{1,4}")) {
            throw new ConfigException(name + " must be a number of days from 0 to 9999, not '" + text + "'.");
        }
        return Integer.parseInt(text.strip());
    }

    public static boolean bool(String name, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(name + " must be true or false, not '" + text + "'.");
        };
    }

    /** One of {@code allowed} (any case); the sentence lists them. */
    public static String oneOf(String name, String text, List<String> allowed) {
        for (String value : allowed) {
            if (value.equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        String choices = String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.getLast();
        throw new ConfigException(name + " must be " + choices + ", not '" + text + "'.");
    }

    /** Comma-separated names, blanks dropped. */
    public static List<String> names(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The address of a server Pathary calls (Jellyfin, Radarr, Sonarr): http(s), a host, no query, no trailing slash. */
    public static URI serverUrl(String name, String text) {
        String value = text.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " is not a valid address: '" + text.strip() + "'.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ConfigException(name + " must start with http:// or https://, not '" + text.strip() + "'.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigException(name + " must not hold a user name or password.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException(name + " needs a host name or IP address, not '" + text.strip() + "'.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException(name + " must not have a query (?...) or fragment (#...).");
        }
        return uri;
    }
}
