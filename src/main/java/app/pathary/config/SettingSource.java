package app.pathary.config;

/** Where a setting's value came from, in precedence order: the environment wins over CONFIG_FILE over a page. */
public enum SettingSource {
    ENVIRONMENT("from the environment"), CONFIG_FILE("from CONFIG_FILE"), PAGE("set on this page"), DEFAULT("default");

    private final String label;

    SettingSource(String label) {
        this.label = label;
    }

    /** The small print a settings page shows under the field. */
    public String label() {
        return label;
    }

    /** Whether a page may change the value (only what no administrator fixed outside Pathary). */
    public boolean locksThePage() {
        return this == ENVIRONMENT || this == CONFIG_FILE;
    }
}
