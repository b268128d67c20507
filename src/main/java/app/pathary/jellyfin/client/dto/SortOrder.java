package app.pathary.jellyfin.client.dto;

/** Jellyfin's {@code SortOrder}. */
public enum SortOrder {
    Ascending, Descending
}
