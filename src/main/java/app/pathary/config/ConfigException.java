package app.pathary.config;

/** A configuration value is missing or wrong; the message is one sentence naming the variable. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
