package app.pathary.jellyfin.sync;

import app.pathary.common.InvalidInputException;
import app.pathary.jellyfin.client.ItemQuery;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemFields;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.SortOrder;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import app.pathary.jellyfin.sync.LibraryEpisode.LibrarySeries;
import app.pathary.job.JobContext;
import app.pathary.show.ShowIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every episode of a user's Jellyfin (all libraries) with the same paging walk as the movies: first the series
 * (their provider ids, which episodes do not carry), then the episodes with the user's played state. Series without
 * any usable provider id, and episodes without a season or episode number, cannot be matched and are counted apart.
 */
final class JellyfinEpisodeLibrary {
    static final int PAGE_SIZE = 500;
    private final JellyfinClient client;

    JellyfinEpisodeLibrary(JellyfinClient client) {
        this.client = client;
    }

    /** What a read found: the matchable episodes, and how many items could not be matched. */
    record Episodes(List<LibraryEpisode> episodes, int unmatched) {
    }

    Episodes episodes(JellyfinServer server, String jellyfinUserId, JobContext progress) {
        Map<String, LibrarySeries> series = new HashMap<>();
        ItemQuery seriesQuery = ItemQuery.builder().userId(jellyfinUserId).includeItemTypes(BaseItemKind.Series).recursive(true)
                .fields(ItemFields.ProviderIds).enableUserData(false).enableImages(false)
                .sortBy(SortOrder.Ascending, ItemSortBy.SortName, ItemSortBy.DateCreated).build();
        client.pages(server, seriesQuery, PAGE_SIZE).forEach(page -> page.items().forEach(item -> series(item).ifPresent(s -> series.put(s.itemId(), s))));
        ItemQuery query = ItemQuery.builder().userId(jellyfinUserId).includeItemTypes(BaseItemKind.Episode).recursive(true)
                .enableUserData(true).enableImages(false)
                .sortBy(SortOrder.Ascending, ItemSortBy.SortName, ItemSortBy.DateCreated).build();
        List<LibraryEpisode> episodes = new ArrayList<>();
        int unmatched = 0;
        int seen = 0;
        int total = 0;
        Iterator<BaseItemDtoQueryResult> pages = client.pages(server, query, PAGE_SIZE).iterator();
        for (boolean first = true; pages.hasNext(); first = false) {
            BaseItemDtoQueryResult page = pages.next();
            for (BaseItemDto item : page.items()) {
                seen++;
                Optional<LibraryEpisode> episode = episode(item, series);
                if (episode.isPresent()) {
                    episodes.add(episode.get());
                } else {
                    unmatched++;
                }
            }
            if (first) {
                total = page.totalRecordCount();
            }
            progress.progress(seen, Math.max(total, seen));
        }
        return new Episodes(episodes, unmatched);
    }

    /** The series of these items by Jellyfin id, in one request per 100 (the catch-up's few series). */
    Map<String, LibrarySeries> series(JellyfinServer server, String jellyfinUserId, Collection<String> seriesIds) {
        Map<String, LibrarySeries> found = new HashMap<>();
        List<String> ids = List.copyOf(seriesIds);
        for (int from = 0; from < ids.size(); from += 100) {
            ItemQuery query = ItemQuery.builder().userId(jellyfinUserId).ids(ids.subList(from, Math.min(ids.size(), from + 100)))
                    .fields(ItemFields.ProviderIds).enableUserData(false).enableImages(false)
                    .sortBy(SortOrder.Ascending, ItemSortBy.SortName).build();
            client.pages(server, query, PAGE_SIZE).forEach(page -> page.items().forEach(item -> series(item).ifPresent(s -> found.put(s.itemId(), s))));
        }
        return found;
    }

    /** The series with its usable provider ids; empty when it has none Pathary can match on. */
    static Optional<LibrarySeries> series(BaseItemDto item) {
        Integer tvdb = positive(item.tvdbId());
        Integer tmdb = positive(item.tmdbId());
        String imdb = item.imdbId().filter(id -> id.matches("tt\\d{5,10}")).orElse(null);
        if (tvdb == null && tmdb == null && imdb == null) {
            return Optional.empty();
        }
        String name = item.name() == null || item.name().isBlank() ? null : item.name().strip();
        Integer year = item.productionYear() != null && item.productionYear() >= 1900 && item.productionYear() <= 2200 ? item.productionYear() : null;
        ShowIds ids = new ShowIds(tvdb, tmdb, imdb);
        return Optional.of(new LibrarySeries(item.id(), ids, name == null ? ids.toString() : name.length() > 500 ? name.substring(0, 500) : name, year));
    }

    /** The episode of a known series with a season and a number; empty otherwise. */
    static Optional<LibraryEpisode> episode(BaseItemDto item, Map<String, LibrarySeries> series) {
        LibrarySeries of = item.seriesId() == null ? null : series.get(item.seriesId());
        if (of == null || item.parentIndexNumber() == null || item.indexNumber() == null) {
            return Optional.empty();
        }
        int season = item.parentIndexNumber();
        int number = item.indexNumber();
        Integer end = item.indexNumberEnd() != null && item.indexNumberEnd() > number ? item.indexNumberEnd() : null;
        if (season < 0 || number < 0 || season > 100_000 || number > 100_000 || (end != null && end > 100_000)) {
            return Optional.empty();
        }
        String title = item.name() == null || item.name().isBlank() ? null : item.name().strip();
        UserItemDataDto data = item.userData();
        try {
            return Optional.of(new LibraryEpisode(item.id(), of, season, number, end,
                    title != null && title.length() > 500 ? title.substring(0, 500) : title,
                    data != null && data.played(), data == null ? 0 : data.playCount(), data == null ? null : data.lastPlayedDate()));
        } catch (InvalidInputException unusable) {
            return Optional.empty();
        }
    }

    private static Integer positive(Optional<String> id) {
        return id.filter(s -> s.matches("\\d{1,9}")).map(Integer::valueOf).filter(n -> n > 0).orElse(null);
    }
}
