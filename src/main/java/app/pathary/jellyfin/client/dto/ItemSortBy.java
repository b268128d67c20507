package app.pathary.jellyfin.client.dto;

/** Sort keys, spelled as Jellyfin's {@code ItemSortBy}. */
public enum ItemSortBy {
    SortName, Name, DateCreated, DatePlayed, PremiereDate, ProductionYear, PlayCount, SeriesSortName,
    ParentIndexNumber, IndexNumber
}
