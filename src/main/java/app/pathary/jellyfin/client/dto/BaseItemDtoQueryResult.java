package app.pathary.jellyfin.client.dto;

import java.util.List;

/**
 * One page of {@code GET /Items} ({@code BaseItemDtoQueryResult}).
 *
 * <p>{@code totalRecordCount} counts all matches only when a limit or start index was given and
 * {@code enableTotalRecordCount} was not false; otherwise it is the number of items on this page.
 */
public record BaseItemDtoQueryResult(List<BaseItemDto> items, int totalRecordCount, int startIndex) {

    public BaseItemDtoQueryResult {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
