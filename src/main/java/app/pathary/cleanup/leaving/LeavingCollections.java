package app.pathary.cleanup.leaving;

import app.pathary.config.LeavingOptions;
import app.pathary.jellyfin.client.ItemQuery;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.SortOrder;
import app.pathary.jellyfin.client.dto.UserDto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Jellyfin "Leaving soon" collections (one for movies, one for series) equal to the schedule, soonest first;
 * plan, then apply. The collections are found again every run ({@code GET /Items?includeItemTypes=BoxSet}) because
 * Jellyfin 12.1 can lose them on a scan; one is created again only when that lookup answered and a direct read of the
 * remembered id answered 404: a failed lookup stops the run, so it never makes a duplicate. With
 * CLEANUP_LEAVING_COLLECTIONS off, the collections Pathary made are deleted.
 */
public final class LeavingCollections {
    private static final Logger LOG = LoggerFactory.getLogger(LeavingCollections.class);
    private static final String MOVIE = "movie";
    private static final String SERIES = "series";
    private final JellyfinClient client;
    private final Supplier<Optional<JellyfinServer>> server;
    private final CollectionStore store;
    private final LeavingSoon leaving;

    /**
     * @param server the Jellyfin server with the admin's API key (JELLYFIN_URL, JELLYFIN_API_KEY); empty when not set
     */
    public LeavingCollections(JellyfinClient client, Supplier<Optional<JellyfinServer>> server, org.jdbi.v3.core.Jdbi jdbi, LeavingSoon leaving) {
        this.client = client;
        this.server = server;
        this.store = new CollectionStore(jdbi, java.time.Clock.systemUTC());
        this.leaving = leaving;
    }

    /** Reconciles both collections; returns the sentence for the run's summary. Never throws: a failure is the sentence. */
    public String reconcile() {
        LeavingOptions options = leaving.options();
        Optional<JellyfinServer> jellyfin = server.get();
        if (jellyfin.isEmpty() || !options.collections() && store.ids().isEmpty()) {
            return "";
        }
        try {
            return options.collections() ? reconcile(jellyfin.get(), options) : remove(jellyfin.get());
        } catch (JellyfinException e) {
            String why = e instanceof JellyfinException.Forbidden || e instanceof JellyfinException.Unauthorized
                    ? "Jellyfin refused to manage collections (" + e.userMessage() + "); JELLYFIN_API_KEY must be an API key made by an admin."
                    : "Jellyfin could not be read or changed (" + e.userMessage() + ")";
            LOG.warn("Leaving-soon collections not reconciled: {}", why);
            return "Leaving-soon collections not updated: " + why + "; the next run tries again.";
        }
    }

    /** The plans for both collections, read from Jellyfin and the schedule; changes nothing. */
    List<CollectionPlan> plan(JellyfinServer jellyfin, LeavingOptions options) {
        List<LeavingItem> items = leaving.leaving();
        List<BaseItemDto> boxSets = boxSets(jellyfin);
        Map<String, String> stored = store.ids();
        List<CollectionPlan> plans = new ArrayList<>();
        plans.add(planOne(jellyfin, MOVIE, options.moviesCollection(), stored.get(MOVIE), boxSets, movies(items)));
        plans.add(planOne(jellyfin, SERIES, options.seriesCollection(), stored.get(SERIES), boxSets, series(jellyfin, items)));
        return plans;
    }

    private String reconcile(JellyfinServer jellyfin, LeavingOptions options) {
        List<String> said = new ArrayList<>();
        for (CollectionPlan plan : plan(jellyfin, options)) {
            int members = apply(jellyfin, plan);
            if (members >= 0) {
                said.add(plan.name() + " (" + members + ")");
            }
        }
        return said.isEmpty() ? "" : "Jellyfin collections: " + String.join(", ", said) + ".";
    }

    private CollectionPlan planOne(JellyfinServer jellyfin, String kind, String name, String storedId, List<BaseItemDto> boxSets,
            List<String> desired) {
        String id = boxSets.stream().filter(b -> b.id().equals(storedId)).map(BaseItemDto::id).findFirst()
                .or(() -> boxSets.stream().filter(b -> name.equalsIgnoreCase(b.name())).map(BaseItemDto::id).findFirst())
                .orElse(null);
        if (id == null && storedId != null && exists(jellyfin, storedId)) {
            id = storedId;
        }
        // one page without a sort: the collection's own order (DisplayOrder "Default" keeps insertion order)
        List<String> current = id == null ? List.of() : client.items(jellyfin, ItemQuery.builder().parentId(id).build())
                .items().stream().map(BaseItemDto::id).toList();
        return CollectionPlan.of(kind, name, id, current, desired);
    }

    /** Applies one plan; returns the collection's size afterwards, or -1 when there is none (nothing to show). */
    private int apply(JellyfinServer jellyfin, CollectionPlan plan) {
        if (plan.create()) {
            if (plan.add().isEmpty()) {
                return -1;
            }
            List<List<String>> batches = CollectionPlan.batches(plan.add());
            String id = client.createCollection(jellyfin, plan.name(), batches.getFirst(), true);
            store.remember(plan.kind(), plan.name(), id);
            batches.stream().skip(1).forEach(batch -> client.addToCollection(jellyfin, id, batch));
            LOG.info("Created the Jellyfin collection '{}' with {} items", plan.name(), plan.add().size());
            return plan.add().size();
        }
        store.remember(plan.kind(), plan.name(), plan.collectionId());
        CollectionPlan.batches(plan.remove()).forEach(batch -> client.removeFromCollection(jellyfin, plan.collectionId(), batch));
        CollectionPlan.batches(plan.add()).forEach(batch -> client.addToCollection(jellyfin, plan.collectionId(), batch));
        return plan.size();
    }

    private String remove(JellyfinServer jellyfin) {
        List<BaseItemDto> boxSets = boxSets(jellyfin);
        for (Map.Entry<String, String> made : store.ids().entrySet()) {
            String id = made.getValue();
            boolean listed = boxSets.stream().anyMatch(b -> b.id().equals(id));
            if (listed || exists(jellyfin, id)) {
                client.deleteCollection(jellyfin, id);
            }
            store.forget(made.getKey());
        }
        return "Removed the leaving-soon collections from Jellyfin (CLEANUP_LEAVING_COLLECTIONS is off).";
    }

    private List<BaseItemDto> boxSets(JellyfinServer jellyfin) {
        return client.allItems(jellyfin, ItemQuery.builder().includeItemTypes(BaseItemKind.BoxSet).recursive(true)
                .sortBy(SortOrder.Ascending, ItemSortBy.SortName).build(), 200).stream()
                .filter(b -> b.type() == null || "BoxSet".equals(b.type())).toList();
    }

    /** Whether the collection is there: read as an admin; only a 404 means gone, any other failure stops the run. */
    private boolean exists(JellyfinServer jellyfin, String id) {
        String admin = client.users(jellyfin).stream().filter(UserDto::isAdministrator).map(UserDto::id).findFirst()
                .orElseThrow(() -> new JellyfinException.Forbidden("GET /Users (no administrator to read the collection as)"));
        return client.item(jellyfin, admin, id).isPresent();
    }

    private static List<String> movies(List<LeavingItem> items) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        items.stream().filter(i -> i.kind().equals(MOVIE)).forEach(i -> ids.addAll(i.jellyfinIds()));
        return List.copyOf(ids);
    }

    /** Seasons are shown through their series: each series once, at its soonest season's place. */
    private List<String> series(JellyfinServer jellyfin, List<LeavingItem> items) {
        List<LeavingItem> seasons = items.stream().filter(i -> !i.kind().equals(MOVIE) && !i.jellyfinIds().isEmpty()).toList();
        Map<String, String> seriesOf = new HashMap<>();
        List<String> firstEpisodes = seasons.stream().map(i -> i.jellyfinIds().getFirst()).distinct().toList();
        for (List<String> batch : CollectionPlan.batches(firstEpisodes)) {
            for (BaseItemDto episode : client.items(jellyfin, ItemQuery.builder().ids(batch).build()).items()) {
                if (episode.seriesId() != null) {
                    seriesOf.put(episode.id(), episode.seriesId());
                }
            }
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        seasons.forEach(s -> Optional.ofNullable(seriesOf.get(s.jellyfinIds().getFirst())).ifPresent(ids::add));
        return List.copyOf(ids);
    }
}
