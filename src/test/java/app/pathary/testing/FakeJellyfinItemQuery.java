package app.pathary.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /Items} as Jellyfin answers it: unknown parameters ignored, enum values that do not parse
 * dropped (so {@code includeItemTypes=Movies} filters nothing), optional fields only when asked for,
 * {@code TotalRecordCount} counted only for paged queries, and, without {@code sortBy}, an order that
 * changes from request to request (Jellyfin promises none; a client paging without a sort must notice).
 */
final class FakeJellyfinItemQuery {

    static final List<String> BASE_ITEM_KINDS = List.of("AggregateFolder", "Audio", "AudioBook", "BasePluginFolder",
            "Book", "BoxSet", "Channel", "ChannelFolderItem", "CollectionFolder", "Episode", "Folder", "Genre",
            "ManualPlaylistsFolder", "Movie", "LiveTvChannel", "LiveTvProgram", "MusicAlbum", "MusicArtist",
            "MusicGenre", "MusicVideo", "Person", "Photo", "PhotoAlbum", "Playlist", "PlaylistsFolder", "Program",
            "Recording", "Season", "Series", "Studio", "Trailer", "TvChannel", "TvProgram", "UserRootFolder",
            "UserView", "Video", "Year");
    static final List<String> ITEM_FIELDS = List.of("AirTime", "CanDelete", "CanDownload", "ChannelInfo", "Chapters",
            "Trickplay", "ChildCount", "CumulativeRunTimeTicks", "CustomRating", "DateCreated", "DateLastMediaAdded",
            "DisplayPreferencesId", "Etag", "ExternalUrls", "Genres", "ItemCounts", "MediaSourceCount", "MediaSources",
            "OriginalTitle", "Overview", "ParentId", "Path", "People", "PlayAccess", "ProductionLocations",
            "ProviderIds", "PrimaryImageAspectRatio", "RecursiveItemCount", "Settings", "SeriesStudio", "SortName",
            "SpecialEpisodeNumbers", "Studios", "Taglines", "Tags", "RemoteTrailers", "MediaStreams", "SeasonUserData",
            "DateLastRefreshed", "DateLastSaved", "RefreshState", "ChannelImage", "EnableMediaSourceDisplay", "Width",
            "Height", "ExtraIds", "LocalTrailerCount", "IsHD", "SpecialFeatureCount");

    private final FakeJellyfinState state;
    private final FakeJellyfinExchange request;
    private final FakeJellyfinState.Account user;

    FakeJellyfinItemQuery(FakeJellyfinState state, FakeJellyfinExchange request, FakeJellyfinState.Account user) {
        this.state = state;
        this.request = request;
        this.user = user;
    }

    Map<String, Object> answer(long requestNumber, Map<String, List<FakeItem>> frozenAnswers) {
        List<FakeItem> matches;
        if (state.frozen && !request.list("sortBy").isEmpty()) {
            String key = (user == null ? "-" : user.id) + request.unpagedQueryKey();
            matches = frozenAnswers.computeIfAbsent(key, k -> matches(requestNumber));
        } else {
            matches = matches(requestNumber);
        }
        Integer startIndex = request.integer("startIndex");
        Integer limit = request.integer("limit");
        int start = Math.min(startIndex == null ? 0 : Math.max(0, startIndex), matches.size());
        int end = limit == null ? matches.size() : Math.min(matches.size(), start + Math.max(0, limit));
        List<FakeItem> page = matches.subList(start, end);
        boolean counted = (startIndex != null || limit != null) && !Boolean.FALSE.equals(request.bool("enableTotalRecordCount"));
        Set<String> fields = request.list("fields").stream().map(f -> f.toUpperCase(Locale.ROOT))
                .filter(f -> ITEM_FIELDS.stream().anyMatch(known -> known.equalsIgnoreCase(f)))
                .collect(Collectors.toSet());
        boolean withUserData = !Boolean.FALSE.equals(request.bool("enableUserData"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Items", page.stream().map(i -> FakeJellyfinJson.item(state, i, user, fields, withUserData)).toList());
        result.put("TotalRecordCount", counted ? matches.size() : page.size());
        result.put("StartIndex", startIndex == null ? 0 : startIndex);
        return result;
    }

    private List<FakeItem> matches(long requestNumber) {
        List<FakeItem> matches = new ArrayList<>(candidates().stream()
                .filter(item -> state.visible(user, item))
                .filter(new FakeJellyfinItemFilter(state, request, user))
                .toList());
        sort(matches, requestNumber);
        return matches;
    }

    private List<FakeItem> candidates() {
        List<String> ids = request.list("ids").stream().map(FakeJellyfinExchange::normaliseGuid).toList();
        if (!ids.isEmpty()) {
            return ids.stream().map(state::item).filter(Objects::nonNull).toList();
        }
        boolean recursive = Boolean.TRUE.equals(request.bool("recursive"));
        String parentId = request.guid("parentId");
        if (parentId != null) {
            return recursive ? state.descendants(parentId) : state.children(parentId);
        }
        return state.items.values().stream()
                .filter(item -> recursive != item.type().equals("CollectionFolder"))
                .toList();
    }

    /** Canonical spellings of the values of a list parameter that parse as one of {@code known}. */
    static List<String> parsedEnums(FakeJellyfinExchange request, String name, List<String> known) {
        List<String> parsed = new ArrayList<>();
        for (String value : request.list(name)) {
            known.stream().filter(k -> k.equalsIgnoreCase(value)).findFirst().ifPresent(parsed::add);
        }
        return parsed;
    }

    private void sort(List<FakeItem> items, long requestNumber) {
        List<String> keys = request.list("sortBy");
        List<String> orders = request.list("sortOrder");
        Comparator<FakeItem> order = null;
        for (int i = 0; i < keys.size(); i++) {
            Comparator<FakeItem> key = comparator(keys.get(i), requestNumber);
            if (key == null) {
                continue;
            }
            String direction = orders.isEmpty() ? "Ascending" : orders.get(Math.min(i, orders.size() - 1));
            key = direction.equalsIgnoreCase("Descending") ? key.reversed() : key;
            order = order == null ? key : order.thenComparing(key);
        }
        if (order == null) {
            Collections.shuffle(items, new Random(requestNumber));
            return;
        }
        items.sort(order.thenComparing(FakeItem::id));
    }

    private Comparator<FakeItem> comparator(String key, long requestNumber) {
        Random random = new Random(requestNumber);
        Map<String, Double> shuffled = new LinkedHashMap<>();
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "sortname" -> by(FakeJellyfinItemQuery::sortName);
            case "name" -> by(item -> item.name().toLowerCase(Locale.ROOT));
            case "datecreated" -> by(FakeItem::dateCreated);
            case "premieredate" -> by(FakeItem::premiereDate);
            case "productionyear" -> by(FakeItem::productionYear);
            case "runtime" -> by(FakeItem::runTimeTicks);
            case "indexnumber" -> by(FakeItem::indexNumber);
            case "parentindexnumber" -> by(FakeItem::parentIndexNumber);
            case "seriessortname" -> by(item -> {
                FakeItem series = FakeJellyfinJson.seriesOf(state, item);
                return series == null ? null : sortName(series);
            });
            case "dateplayed" -> by(item -> user == null ? null : state.userData(user.id, item.id()).lastPlayedDate());
            case "playcount" -> by(item -> user == null ? null : state.userData(user.id, item.id()).playCount());
            case "random" -> by(item -> shuffled.computeIfAbsent(item.id(), id -> random.nextDouble()));
            default -> null;
        };
    }

    /** Orders by a key computed once per item and request: a sort asks for keys n log n times (20,000 items in benchmarks). */
    private static <T extends Comparable<? super T>> Comparator<FakeItem> by(Function<FakeItem, T> key) {
        Map<FakeItem, Optional<T>> keys = new IdentityHashMap<>();
        Function<FakeItem, T> once = item -> keys.computeIfAbsent(item, i -> Optional.ofNullable(key.apply(i))).orElse(null);
        return Comparator.comparing(once, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(the|a|an) ");

    /** Jellyfin-like sort names: articles dropped for titles, numbers for seasons and episodes. */
    static String sortName(FakeItem item) {
        return switch (item.type()) {
            case "Season" -> String.format("%04d", item.indexNumber() == null ? 0 : item.indexNumber());
            case "Episode" -> String.format("%03d - %04d - %s", item.parentIndexNumber(),
                    item.indexNumber() == null ? 0 : item.indexNumber(), item.name().toLowerCase(Locale.ROOT));
            default -> LEADING_ARTICLE.matcher(item.name().toLowerCase(Locale.ROOT)).replaceFirst("");
        };
    }
}
