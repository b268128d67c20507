package app.pathary.cleanup.instances;

/** Which *arr an instance is. */
public enum ArrKind {
    RADARR, SONARR;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** What {@code system/status} must answer as appName. */
    public String appName() {
        return this == RADARR ? "Radarr" : "Sonarr";
    }
}
