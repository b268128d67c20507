package app.pathary.jellyfin.client;

import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemFields;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.SortOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The parameters of {@code GET /Items} that Pathary uses. Unset ({@code null}/empty) values are not sent.
 *
 * <p>Things Jellyfin does with them: it ignores parameters it does not know (there is no filter by path
 * or provider id), it needs {@code recursive=true} to look inside libraries, it reads {@code isPlayed} and
 * returns {@code UserData} only for a user, and a page without an explicit sort can shift between
 * requests. So a paged query without {@code sortBy} is sent with {@link #DEFAULT_PAGING_SORT}
 * (oldest first, then by name: items added while paging land at the end). Images are off by default.
 */
public record ItemQuery(
        String userId,
        String parentId,
        List<BaseItemKind> includeItemTypes,
        Boolean recursive,
        List<ItemFields> fields,
        Boolean isPlayed,
        Boolean isFavorite,
        List<String> ids,
        List<ItemSortBy> sortBy,
        SortOrder sortOrder,
        Integer startIndex,
        Integer limit,
        Boolean enableUserData,
        Boolean enableTotalRecordCount,
        Boolean enableImages,
        String searchTerm) {

    /** Sent when a paged query names no sort: oldest first, then by name. */
    public static final List<ItemSortBy> DEFAULT_PAGING_SORT = List.of(ItemSortBy.DateCreated, ItemSortBy.SortName);

    public ItemQuery {
        includeItemTypes = includeItemTypes == null ? List.of() : List.copyOf(includeItemTypes);
        fields = fields == null ? List.of() : List.copyOf(fields);
        ids = ids == null ? List.of() : List.copyOf(ids);
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything of the given types for one user, recursively, with paths, provider ids and dates. */
    public static ItemQuery libraryOf(String userId, BaseItemKind... types) {
        return builder().userId(userId).includeItemTypes(types).recursive(true)
                .fields(ItemFields.Path, ItemFields.ProviderIds, ItemFields.DateCreated).build();
    }

    /** This query, asking for one page. */
    public ItemQuery page(int start, int size, boolean countTotal) {
        return new ItemQuery(userId, parentId, includeItemTypes, recursive, fields, isPlayed, isFavorite, ids,
                sortBy, sortOrder, start, size, enableUserData, countTotal, enableImages, searchTerm);
    }

    /** The query string, in a fixed order, with Jellyfin's parameter names and comma-separated lists. */
    List<Map.Entry<String, String>> toParameters() {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        add(parameters, "userId", userId);
        add(parameters, "parentId", parentId);
        add(parameters, "includeItemTypes", joined(includeItemTypes));
        add(parameters, "recursive", recursive);
        add(parameters, "fields", joined(fields));
        add(parameters, "isPlayed", isPlayed);
        add(parameters, "isFavorite", isFavorite);
        add(parameters, "ids", String.join(",", ids));
        add(parameters, "searchTerm", searchTerm);
        boolean paged = startIndex != null || limit != null;
        List<ItemSortBy> sort = sortBy.isEmpty() && paged ? DEFAULT_PAGING_SORT : sortBy;
        add(parameters, "sortBy", joined(sort));
        add(parameters, "sortOrder", sort.isEmpty() ? null : (sortOrder == null ? SortOrder.Ascending : sortOrder));
        add(parameters, "startIndex", startIndex);
        add(parameters, "limit", limit);
        add(parameters, "enableUserData", enableUserData);
        add(parameters, "enableTotalRecordCount", enableTotalRecordCount);
        add(parameters, "enableImages", enableImages);
        return parameters;
    }

    private static String joined(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static void add(List<Map.Entry<String, String>> parameters, String name, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            parameters.add(Map.entry(name, value.toString()));
        }
    }

    /** Builds an {@link ItemQuery}; images are off unless turned on. */
    public static final class Builder {
        private String userId;
        private String parentId;
        private List<BaseItemKind> includeItemTypes = List.of();
        private Boolean recursive;
        private List<ItemFields> fields = List.of();
        private Boolean isPlayed;
        private Boolean isFavorite;
        private List<String> ids = List.of();
        private List<ItemSortBy> sortBy = List.of();
        private SortOrder sortOrder;
        private Integer startIndex;
        private Integer limit;
        private String searchTerm;
        private Boolean enableUserData;
        private Boolean enableTotalRecordCount;
        private Boolean enableImages = false;

        private Builder() {
        }

        public Builder userId(String value) {
            userId = value;
            return this;
        }

        public Builder parentId(String value) {
            parentId = value;
            return this;
        }

        public Builder includeItemTypes(BaseItemKind... values) {
            includeItemTypes = Arrays.asList(values);
            return this;
        }

        public Builder recursive(boolean value) {
            recursive = value;
            return this;
        }

        public Builder fields(ItemFields... values) {
            fields = Arrays.asList(values);
            return this;
        }

        public Builder isPlayed(Boolean value) {
            isPlayed = value;
            return this;
        }

        public Builder isFavorite(Boolean value) {
            isFavorite = value;
            return this;
        }

        public Builder ids(List<String> values) {
            ids = values;
            return this;
        }

        public Builder sortBy(SortOrder order, ItemSortBy... keys) {
            sortOrder = order;
            sortBy = Arrays.asList(keys);
            return this;
        }

        public Builder startIndex(Integer value) {
            startIndex = value;
            return this;
        }

        /** {@code searchTerm}: items whose name contains the words (Jellyfin's own title search). */
        public Builder searchTerm(String value) {
            searchTerm = value;
            return this;
        }

        public Builder limit(Integer value) {
            limit = value;
            return this;
        }

        public Builder enableUserData(Boolean value) {
            enableUserData = value;
            return this;
        }

        public Builder enableTotalRecordCount(Boolean value) {
            enableTotalRecordCount = value;
            return this;
        }

        public Builder enableImages(Boolean value) {
            enableImages = value;
            return this;
        }

        public ItemQuery build() {
            return new ItemQuery(userId, parentId, includeItemTypes, recursive, fields, isPlayed, isFavorite, ids,
                    sortBy, sortOrder, startIndex, limit, enableUserData, enableTotalRecordCount, enableImages, searchTerm);
        }
    }
}
