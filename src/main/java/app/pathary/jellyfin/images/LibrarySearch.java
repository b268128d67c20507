package app.pathary.jellyfin.images;

import app.pathary.history.LibraryTitles;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.ItemQuery;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemFields;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.SortOrder;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jellyfin's title search over the movies a user can see: through their own Jellyfin login (Jellyfin shows them their
 * libraries only), or, for an admin without one, through the admin's API key over the whole server. A user with
 * neither finds nothing here; a failed search finds nothing too (the page still offers Pathary's movies and the
 * TMDb id field).
 */
final class LibrarySearch implements LibraryTitles {
    private static final Logger LOG = LoggerFactory.getLogger(LibrarySearch.class);
    private final JellyfinClient client;
    private final PosterServers servers;

    LibrarySearch(JellyfinClient client, PosterServers servers) {
        this.client = client;
        this.servers = servers;
    }

    @Override
    public List<Found> find(long userId, boolean admin, String title, int limit) {
        if (title == null || title.strip().length() < 2) {
            return List.of();
        }
        Optional<JellyfinServer> server = servers.user().apply(userId);
        if (server.isEmpty() && admin) {
            server = servers.admin().get();
        }
        if (server.isEmpty()) {
            return List.of();
        }
        ItemQuery query = ItemQuery.builder().includeItemTypes(BaseItemKind.Movie).recursive(true).searchTerm(title.strip())
                .fields(ItemFields.ProviderIds).enableUserData(false).enableImages(false)
                .sortBy(SortOrder.Ascending, ItemSortBy.SortName).limit(limit).build();
        try {
            return client.items(server.get(), query).items().stream().map(LibrarySearch::found).toList();
        } catch (JellyfinException e) {
            LOG.info("The Jellyfin title search failed: {}", e.getClass().getSimpleName());
            return List.of();
        }
    }

    private static Found found(BaseItemDto item) {
        Integer tmdb = item.tmdbId().filter(id -> id.matches("\\d{1,9}")).map(Integer::valueOf).filter(id -> id > 0).orElse(null);
        return new Found(item.id(), item.name(), item.productionYear(), tmdb, item.imdbId().orElse(null));
    }
}
