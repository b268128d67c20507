package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.SortOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemQueryTest {

    @Test
    void libraryQuerySendsJellyfinsNamesTypesAndFieldsAsCommaLists() {
        ItemQuery query = ItemQuery.libraryOf("u1", BaseItemKind.Movie, BaseItemKind.Episode);

        assertThat(query.toParameters()).containsExactly(
                entry("userId", "u1"),
                entry("includeItemTypes", "Movie,Episode"),
                entry("recursive", "true"),
                entry("fields", "Path,ProviderIds,DateCreated"),
                entry("enableImages", "false"));
    }

    @Test
    void aPagedQueryWithoutSortGetsTheStableDefaultSort() {
        ItemQuery page = ItemQuery.libraryOf("u1", BaseItemKind.Movie).page(200, 100, false);

        assertThat(page.toParameters()).contains(
                entry("sortBy", "DateCreated,SortName"),
                entry("sortOrder", "Ascending"),
                entry("startIndex", "200"),
                entry("limit", "100"),
                entry("enableTotalRecordCount", "false"));
    }

    @Test
    void anExplicitSortIsKept() {
        ItemQuery query = ItemQuery.builder().sortBy(SortOrder.Descending, ItemSortBy.DatePlayed).limit(10).build();

        assertThat(query.toParameters()).contains(entry("sortBy", "DatePlayed"), entry("sortOrder", "Descending"))
                .doesNotContain(entry("sortBy", "DateCreated,SortName"));
    }

    @Test
    void anUnpagedQueryWithoutSortSendsNoSort() {
        assertThat(ItemQuery.builder().userId("u1").build().toParameters())
                .extracting(java.util.Map.Entry::getKey)
                .doesNotContain("sortBy", "sortOrder", "startIndex", "limit");
    }

    @Test
    void filtersAndIdsAreSentOnlyWhenSet() {
        ItemQuery query = ItemQuery.builder().parentId("p").isPlayed(true).isFavorite(false)
                .ids(List.of("a", "b")).enableUserData(true).enableImages(null).build();

        assertThat(query.toParameters()).containsExactly(
                entry("parentId", "p"),
                entry("isPlayed", "true"),
                entry("isFavorite", "false"),
                entry("ids", "a,b"),
                entry("enableUserData", "true"));
    }
}
