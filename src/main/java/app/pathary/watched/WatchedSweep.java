package app.pathary.watched;

import app.pathary.common.InvalidInputException;
import app.pathary.common.RemoteReadException;
import app.pathary.jellyfin.client.ItemQuery;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemFields;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.SortOrder;
import app.pathary.jellyfin.client.dto.UserDto;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads Jellyfin with the admin API key: the users, every series (for their ids), then for each user that counts one
 * paged sweep of movies and episodes with their UserData, and the series and seasons they marked favourite. Virtual
 * (missing) episodes are skipped. A read that fails (after the client's retries) stops the whole sweep with a
 * {@link RemoteReadException}: a partial sweep could take an unread user's plays for no plays.
 */
public final class WatchedSweep {
    static final int PAGE_SIZE = 500;
    private final JellyfinClient client;
    private final Clock clock;

    public WatchedSweep(JellyfinClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The Jellyfin side of a sweep: who counts and the snapshot read for them. */
    public record Result(WatchPolicy policy, LibrarySnapshot snapshot) {
    }

    public Result sweep(WatchedSettings settings, java.time.ZoneId zone) {
        if (!settings.jellyfinConfigured()) {
            throw new InvalidInputException("Set JELLYFIN_URL and JELLYFIN_API_KEY (an admin API key) first.");
        }
        try {
            return read(settings, zone);
        } catch (JellyfinException e) {
            throw new RemoteReadException("Jellyfin could not be read (" + e.request() + "): " + e.userMessage() + ".", e);
        }
    }

    private Result read(WatchedSettings settings, java.time.ZoneId zone) {
        JellyfinServer server = new JellyfinServer(settings.jellyfinUrl(), settings.apiKey());
        Map<String, UserDto> users = client.users(server).stream()
                .collect(Collectors.toMap(UserDto::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        WatchPolicy policy = policy(settings, users, zone);
        Set<String> swept = new LinkedHashSet<>(policy.deciders());
        if (policy.keepFavorites()) {
            swept.addAll(policy.favouriteKeepers());
        }
        LibrarySnapshot snapshot = new LibrarySnapshot(clock.instant(), List.copyOf(swept));
        Interner names = new Interner();
        each(server, ItemQuery.builder().includeItemTypes(BaseItemKind.Series).recursive(true)
                .fields(ItemFields.ProviderIds, ItemFields.Path), series -> snapshot.addSeries(new Series(names.of(series.id()),
                names.of(series.name()), series.path(), number(series.tvdbId()), number(series.tmdbId()))));
        // every item once, without anyone's data: what the season rules and the *arr matching need
        each(server, ItemQuery.builder().includeItemTypes(BaseItemKind.Movie, BaseItemKind.Episode).recursive(true)
                .fields(ItemFields.Path, ItemFields.ProviderIds, ItemFields.DateCreated).enableUserData(false), item -> {
                    if (!"Virtual".equals(item.locationType())) {
                        snapshot.addItem(item(item, names));
                    }
                });
        // a decider's verdict needs what they played (and when); nothing else of theirs but their favourites
        for (String name : policy.deciders()) {
            each(server, ItemQuery.builder().userId(users.get(name).id()).includeItemTypes(BaseItemKind.Movie, BaseItemKind.Episode)
                    .recursive(true).isPlayed(true).enableUserData(true), item -> {
                        UserItemDataDto data = item.userData();
                        if (data != null && data.played()) {
                            snapshot.setPlayed(name, item.id(), data.lastPlayedDate());
                        }
                    });
        }
        if (policy.keepFavorites()) {
            for (String name : swept) {
                each(server, ItemQuery.builder().userId(users.get(name).id()).includeItemTypes(BaseItemKind.Movie,
                        BaseItemKind.Episode, BaseItemKind.Series, BaseItemKind.Season).recursive(true).isFavorite(true)
                        .enableUserData(false), item -> {
                            if ("Series".equals(item.type()) || "Season".equals(item.type())) {
                                snapshot.addFavoriteFolder(name, names.of(item.id()));
                            } else {
                                snapshot.setFavorite(name, item.id());
                            }
                        });
            }
        }
        snapshot.finish();
        return new Result(policy, snapshot);
    }

    /** Who counts right now, and their Jellyfin user ids: read once per execution (one request). */
    public record Live(JellyfinServer server, WatchPolicy policy, Map<String, String> userIds) {
    }

    public Live live(WatchedSettings settings, java.time.ZoneId zone) {
        if (!settings.jellyfinConfigured()) {
            throw new InvalidInputException("Set JELLYFIN_URL and JELLYFIN_API_KEY (an admin API key) first.");
        }
        JellyfinServer server = new JellyfinServer(settings.jellyfinUrl(), settings.apiKey());
        Map<String, UserDto> users = client.users(server).stream()
                .collect(Collectors.toMap(UserDto::name, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        WatchPolicy policy = policy(settings, users, zone);
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        users.forEach((name, user) -> ids.put(name, user.id()));
        return new Live(server, policy, ids);
    }

    /**
     * A fresh snapshot of only these items: one request for the items themselves (to learn their seasons and series),
     * then one batched request per user who counts, for the items, their seasons and series with that user's data
     * (played, last played date, favourite). Items Jellyfin no longer has are simply absent.
     */
    public LibrarySnapshot slice(Live live, java.util.Collection<String> itemIds) {
        List<String> users = new ArrayList<>(live.policy().deciders());
        if (live.policy().keepFavorites()) {
            live.policy().favouriteKeepers().stream().filter(u -> !users.contains(u)).forEach(users::add);
        }
        LibrarySnapshot snapshot = new LibrarySnapshot(clock.instant(), users);
        Set<String> ids = new LinkedHashSet<>(itemIds);
        for (BaseItemDto item : byIds(live.server(), null, List.copyOf(ids))) {
            if (item.seasonId() != null) {
                ids.add(item.seasonId());
            }
            if (item.seriesId() != null) {
                ids.add(item.seriesId());
            }
        }
        for (String name : users) {
            String userId = live.userIds().get(name);
            for (BaseItemDto item : byIds(live.server(), userId, List.copyOf(ids))) {
                UserItemDataDto data = item.userData();
                switch (item.type() == null ? "" : item.type()) {
                    case "Series" -> {
                        snapshot.addSeries(new Series(item.id(), item.name(), item.path(), number(item.tvdbId()), number(item.tmdbId())));
                        if (data != null && data.isFavorite()) {
                            snapshot.addFavoriteFolder(name, item.id());
                        }
                    }
                    case "Season" -> {
                        if (data != null && data.isFavorite()) {
                            snapshot.addFavoriteFolder(name, item.id());
                        }
                    }
                    case "Movie", "Episode" -> {
                        if (!"Virtual".equals(item.locationType()) && itemIds.contains(item.id())) {
                            snapshot.addItem(item(item));
                            if (data != null) {
                                snapshot.setPlay(name, item.id(), new UserPlay(data.played(), data.lastPlayedDate(), data.isFavorite()));
                            }
                        }
                    }
                    default -> { }
                }
            }
        }
        snapshot.finish();
        return snapshot;
    }

    /** {@code GET /Items?ids=…} in batches of 100 (a URL stays short), with the user's data when a user is given. */
    private List<BaseItemDto> byIds(JellyfinServer server, String userId, List<String> ids) {
        List<BaseItemDto> items = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 100) {
            ItemQuery query = ItemQuery.builder().ids(ids.subList(from, Math.min(ids.size(), from + 100))).userId(userId)
                    .fields(ItemFields.Path, ItemFields.ProviderIds, ItemFields.DateCreated).enableUserData(userId != null)
                    .enableImages(false).build();
            items.addAll(client.items(server, query).items());
        }
        return items;
    }

    /** Checks the strategy's users against Jellyfin's and settles who counts. */
    static WatchPolicy policy(WatchedSettings settings, Map<String, UserDto> users, java.time.ZoneId zone) {
        List<String> counted;
        if (settings.users().isEmpty()) {
            counted = users.values().stream().filter(u -> u.policy() == null || !u.policy().isDisabled()).map(UserDto::name).toList();
        } else {
            List<String> unknown = settings.users().stream().filter(u -> !users.containsKey(u)).toList();
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("CLEANUP_USERS names " + String.join(", ", unknown) + ", not a Jellyfin user.");
            }
            counted = settings.users();
        }
        if (settings.strategy() == Strategy.PRIMARY) {
            if (settings.primaryUser() == null || settings.primaryUser().isBlank()) {
                throw new InvalidInputException("The primary strategy needs CLEANUP_PRIMARY_USER, a Jellyfin user name.");
            }
            if (!users.containsKey(settings.primaryUser())) {
                throw new InvalidInputException("CLEANUP_PRIMARY_USER is " + settings.primaryUser() + ", not a Jellyfin user.");
            }
        }
        return new WatchPolicy(settings.strategy(), counted, settings.primaryUser(), settings.graceDaysMovies(),
                settings.graceDaysEpisodes(), settings.keepFavorites(), zone);
    }

    /**
     * Every item of the query, through the client's one paging walk, sorted by name then date added; each page is
     * handed over item by item and let go before the next is read.
     */
    private void each(JellyfinServer server, ItemQuery.Builder query, java.util.function.Consumer<BaseItemDto> each) {
        client.pages(server, query.enableImages(false).sortBy(SortOrder.Ascending, ItemSortBy.SortName, ItemSortBy.DateCreated)
                .build(), PAGE_SIZE).forEach(page -> page.items().forEach(each));
    }

    private static MediaItem item(BaseItemDto item) {
        return item(item, new Interner());
    }

    /** The item as the snapshot keeps it; the ids and names many episodes share are kept once. */
    private static MediaItem item(BaseItemDto item, Interner names) {
        boolean episode = "Episode".equals(item.type());
        return new MediaItem(item.id(), episode ? MediaItem.Kind.EPISODE : MediaItem.Kind.MOVIE, item.name(), item.path(),
                episode ? null : number(item.tmdbId()), episode ? null : number(item.tvdbId()), item.dateCreated(),
                names.of(item.seriesId()), names.of(item.seriesName()), names.of(item.seasonId()), episode ? item.parentIndexNumber() : null,
                episode ? item.indexNumber() : null, episode ? item.indexNumberEnd() : null, item.productionYear());
    }

    /** One copy of each repeated text of a sweep (series and season ids, series names). */
    private static final class Interner {
        private final Map<String, String> seen = new java.util.HashMap<>();

        String of(String text) {
            return text == null ? null : seen.computeIfAbsent(text, Function.identity());
        }
    }

    private static Integer number(java.util.Optional<String> id) {
        return id.filter(v -> v.matches("\\d{1,9}")).map(Integer::valueOf).orElse(null);
    }
}
