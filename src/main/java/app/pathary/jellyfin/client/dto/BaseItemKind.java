package app.pathary.jellyfin.client.dto;

/**
 * Item types Pathary filters on, spelled exactly as Jellyfin's {@code BaseItemKind} (singular: Jellyfin
 * silently drops a value it cannot parse, such as {@code Movies}, and then returns every type).
 */
public enum BaseItemKind {
    Movie, Series, Season, Episode, BoxSet, CollectionFolder, Video
}
