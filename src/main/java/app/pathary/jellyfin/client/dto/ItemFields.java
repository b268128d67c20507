package app.pathary.jellyfin.client.dto;

/** Optional {@code BaseItemDto} fields, spelled as Jellyfin's {@code ItemFields}; only sent when asked for. */
public enum ItemFields {
    Path, ProviderIds, DateCreated, Overview, ParentId, SortName
}
