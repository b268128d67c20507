package app.pathary.testing;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The {@code /Items} filters the fake understands: types, played and favourite state (user needed),
 * search term, provider-id presence, missing episodes and years. Anything else is ignored, as Jellyfin
 * ignores parameters it does not know (there is no filter by path or provider id value).
 */
final class FakeJellyfinItemFilter implements Predicate<FakeItem> {

    private final FakeJellyfinState state;
    private final FakeJellyfinState.Account user;
    private final List<String> includeTypes;
    private final List<String> excludeTypes;
    private final Boolean isPlayed;
    private final Boolean isFavorite;
    private final String searchTerm;
    private final FakeJellyfinExchange request;

    FakeJellyfinItemFilter(FakeJellyfinState state, FakeJellyfinExchange request, FakeJellyfinState.Account user) {
        this.state = state;
        this.request = request;
        this.user = user;
        this.includeTypes = FakeJellyfinItemQuery.parsedEnums(request, "includeItemTypes", FakeJellyfinItemQuery.BASE_ITEM_KINDS);
        this.excludeTypes = FakeJellyfinItemQuery.parsedEnums(request, "excludeItemTypes", FakeJellyfinItemQuery.BASE_ITEM_KINDS);
        List<String> filters = FakeJellyfinItemQuery.parsedEnums(request, "filters",
                List.of("IsFolder", "IsNotFolder", "IsUnplayed", "IsPlayed", "IsFavorite", "IsResumable", "Likes",
                        "Dislikes", "IsFavoriteOrLikes"));
        Boolean played = request.bool("isPlayed");
        if (played == null && filters.contains("IsPlayed")) {
            played = true;
        } else if (played == null && filters.contains("IsUnplayed")) {
            played = false;
        }
        this.isPlayed = played;
        Boolean favorite = request.bool("isFavorite");
        this.isFavorite = favorite == null && filters.contains("IsFavorite") ? Boolean.TRUE : favorite;
        this.searchTerm = request.param("searchTerm");
        if (isPlayed != null && user == null) {
            throw new IllegalStateException("isPlayed without a user: Jellyfin dereferences a null user");
        }
    }

    @Override
    public boolean test(FakeItem item) {
        if (!includeTypes.isEmpty() && !includeTypes.contains(item.type())) {
            return false;
        }
        if (excludeTypes.contains(item.type())) {
            return false;
        }
        if (isPlayed != null && played(item) != isPlayed) {
            return false;
        }
        if (isFavorite != null && (user == null || state.userData(user.id, item.id()).isFavorite() != isFavorite)) {
            return false;
        }
        if (searchTerm != null && !item.name().toLowerCase(Locale.ROOT).contains(searchTerm.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return hasProvider(item, "hasTmdbId", "Tmdb") && hasProvider(item, "hasImdbId", "Imdb")
                && hasProvider(item, "hasTvdbId", "Tvdb") && missingMatches(item) && yearMatches(item);
    }

    /** Folders are played when no episode with a file is left unplayed (Jellyfin 10.10 and 12 semantics). */
    private boolean played(FakeItem item) {
        if (!item.isFolder()) {
            return state.userData(user.id, item.id()).played();
        }
        return state.playableDescendants(item).stream().allMatch(e -> state.userData(user.id, e.id()).played());
    }

    private boolean hasProvider(FakeItem item, String parameter, String provider) {
        Boolean wanted = request.bool(parameter);
        return wanted == null || wanted == item.orderedProviderIds().keySet().stream().anyMatch(provider::equalsIgnoreCase);
    }

    private boolean missingMatches(FakeItem item) {
        Boolean missing = request.bool("isMissing");
        return missing == null || missing == item.isVirtual();
    }

    private boolean yearMatches(FakeItem item) {
        List<String> years = request.list("years");
        return years.isEmpty() || (item.productionYear() != null && years.contains(item.productionYear().toString()));
    }
}
