package app.pathary.jellyfin.sync;

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
import app.pathary.job.JobContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads every movie of a user's Jellyfin (all libraries) with the one paging walk ({@link JellyfinClient#pages}): an
 * explicit sort, the total counted only on the first page, and the user's played state. The walk stops at a short
 * page or once the total is read, so a library of exactly N pages costs N requests, not N + 1.
 */
final class JellyfinLibrary {
    static final int PAGE_SIZE = 500;
    private final JellyfinClient client;

    /** @param client a client whose transport retries reads that fail for a passing reason */
    JellyfinLibrary(JellyfinClient client) {
        this.client = client;
    }

    /** All movies; {@code progress} hears (read so far, total) after each page. */
    List<LibraryMovie> movies(JellyfinServer server, String jellyfinUserId, JobContext progress) {
        ItemQuery query = ItemQuery.builder().userId(jellyfinUserId).includeItemTypes(BaseItemKind.Movie).recursive(true)
                .fields(ItemFields.ProviderIds, ItemFields.Overview).enableUserData(true).enableImages(false)
                .sortBy(SortOrder.Ascending, ItemSortBy.SortName, ItemSortBy.DateCreated).build();
        List<LibraryMovie> movies = new ArrayList<>();
        Iterator<BaseItemDtoQueryResult> pages = client.pages(server, query, PAGE_SIZE).iterator();
        int total = 0;
        for (boolean first = true; pages.hasNext(); first = false) {
            BaseItemDtoQueryResult page = pages.next();
            page.items().forEach(item -> movies.add(of(item)));
            if (first) {
                total = page.totalRecordCount();
            }
            progress.progress(movies.size(), Math.max(total, movies.size()));
        }
        return movies;
    }

    /** RunTimeTicks (100 ns each) as whole minutes; null when Jellyfin does not know it. */
    static Integer minutes(Long ticks) {
        if (ticks == null || ticks <= 0) {
            return null;
        }
        return (int) Math.max(1, Math.round(ticks / 600_000_000.0));
    }

    private static LibraryMovie of(BaseItemDto item) {
        Integer tmdb = item.tmdbId().filter(id -> id.matches("\\d{1,9}")).map(Integer::valueOf).filter(id -> id > 0).orElse(null);
        UserItemDataDto data = item.userData();
        return new LibraryMovie(item.id(), tmdb, item.imdbId().orElse(null), item.name(), item.productionYear(), item.overview(),
                data != null && data.played(), data == null ? 0 : data.playCount(), data == null ? null : data.lastPlayedDate(),
                minutes(item.runTimeTicks()));
    }
}
