package app.pathary.jellyfin;

/** Jellyfin's {@code SortOrder}. */
public enum SortOrder {
    Ascending, Descending
}
