package app.pathary.jellyfin.client.dto;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A library item as Jellyfin returns it ({@code BaseItemDto}), reduced to what Pathary reads.
 *
 * <p>{@code path}, {@code providerIds}, {@code dateCreated}, {@code overview} and {@code parentId} are only
 * present when asked for with {@code fields=}. {@code userData} is present when the query names a user.
 * Episodes carry {@code seriesId}/{@code seasonId}, the season number in {@code parentIndexNumber}
 * (0 = specials) and, for a file holding several episodes, the last one in {@code indexNumberEnd}.
 * {@code locationType} {@code Virtual} marks a placeholder for a missing episode (no file).
 *
 * @param type        a {@code BaseItemKind} name such as {@code Movie}, {@code Episode}, {@code Series}
 * @param providerIds provider name to id, e.g. {@code Tmdb -> "550988"}; read with {@link #providerId}
 */
public record BaseItemDto(
        String id,
        String name,
        String type,
        Integer productionYear,
        String overview,
        String path,
        Map<String, String> providerIds,
        Instant dateCreated,
        Instant premiereDate,
        String parentId,
        String seriesId,
        String seriesName,
        String seasonId,
        String seasonName,
        Integer parentIndexNumber,
        Integer indexNumber,
        Integer indexNumberEnd,
        Long runTimeTicks,
        Boolean isFolder,
        String locationType,
        UserItemDataDto userData) {

    public BaseItemDto {
        providerIds = withoutBlankIds(providerIds);
    }

    /**
     * A provider id looked up case-insensitively: Jellyfin keeps unknown providers with the spelling
     * found in the NFO file, and plugins add their own keys.
     */
    public Optional<String> providerId(String provider) {
        return providerIds.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(provider))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public Optional<String> tmdbId() {
        return providerId("Tmdb");
    }

    public Optional<String> imdbId() {
        return providerId("Imdb");
    }

    public Optional<String> tvdbId() {
        return providerId("Tvdb");
    }

    private static Map<String, String> withoutBlankIds(Map<String, String> ids) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (ids != null) {
            ids.forEach((provider, id) -> {
                if (provider != null && id != null && !id.isBlank()) {
                    kept.put(provider, id);
                }
            });
        }
        return Collections.unmodifiableMap(kept);
    }

    public boolean isVirtual() {
        return "Virtual".equalsIgnoreCase(locationType);
    }
}
