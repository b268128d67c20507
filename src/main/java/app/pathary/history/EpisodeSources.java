package app.pathary.history;

/** How the pages name where an episode date came from (the stored {@link HistoryChange.Source#stored()} text). */
public final class EpisodeSources {
    private EpisodeSources() {
    }

    public static String label(String source) {
        return switch (source == null ? "" : source) {
            case "webhook" -> "played";
            case "catchup" -> "from catch-up";
            case "mark" -> "marked in Jellyfin";
            case "import" -> "imported";
            case "jellyfin" -> "from Jellyfin";
            case "page", "api", "cli" -> "added by hand";
            default -> "";
        };
    }
}
