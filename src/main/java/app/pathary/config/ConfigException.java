package app.pathary.config;

import app.pathary.common.InvalidInputException;

/**
 * A configuration value is missing or wrong; the message is one sentence naming the variable (or the CONFIG_FILE key
 * and the file). At startup it stops Pathary; for a value typed on a settings page it is that page's input error.
 */
public final class ConfigException extends InvalidInputException {
    public ConfigException(String message) {
        super(message);
    }
}
