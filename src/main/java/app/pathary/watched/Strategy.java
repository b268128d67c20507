package app.pathary.watched;

import app.pathary.common.InvalidInputException;
import java.util.Locale;

/**
 * Whose plays make an item "watched": only the primary user's, at least one counted user's (grace runs from the latest
 * play of any of them, so a re-watch restarts it), or every counted user's (grace from the latest of their plays).
 */
public enum Strategy {
    PRIMARY, ANY, ALL;

    public static Strategy parse(String value, String name) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(name + " must be primary, any or all, not '" + value + "'.");
        }
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
