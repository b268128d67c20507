package app.pathary.watched;

/** What the engine decided about a movie, season or episode. Only {@link #ELIGIBLE} may ever be deleted. */
public enum Verdict {
    /** Watched per the strategy and the grace period has passed. */
    ELIGIBLE,
    /** Watched; the grace period ends on the entry's eligibleOn date. */
    WAITING,
    /** A favourite, or not watched by a user the strategy needs. */
    KEPT,
    /** Played without a last-played date, or last played before the file was added: never eligible. */
    DOUBTFUL;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Verdict parse(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
