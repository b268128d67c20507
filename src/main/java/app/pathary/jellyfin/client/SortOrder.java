package app.pathary.jellyfin.client;

/** Jellyfin's {@code SortOrder}. */
public enum SortOrder {
    Ascending, Descending
}
