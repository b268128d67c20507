package app.pathary.jellyfin.client;

import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import app.pathary.jellyfin.client.dto.PublicSystemInfo;
import app.pathary.jellyfin.client.dto.SystemInfo;
import app.pathary.jellyfin.client.dto.UpdateUserItemDataDto;
import app.pathary.jellyfin.client.dto.UserDto;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Jellyfin HTTP API (10.9 and later, including 12), in Jellyfin's own vocabulary.
 *
 * <p>Every method takes the {@link JellyfinServer} to call, so one client serves any number of servers
 * and tokens. Methods throw only {@link JellyfinException}. Where a method takes a {@code userId},
 * {@code null} means "the user the token belongs to"; with an API key (which has no user but
 * administrator rights) Jellyfin requires it and otherwise answers 400.
 */
public interface JellyfinClient {

    /** {@code GET /System/Info/Public}, anonymous: is there a Jellyfin server at this URL, and which one. */
    PublicSystemInfo publicSystemInfo(JellyfinServer server);

    /** {@code GET /System/Info}: the token check; {@link JellyfinException.Unauthorized} means it is no longer valid. */
    SystemInfo systemInfo(JellyfinServer server);

    /**
     * {@code POST /Users/AuthenticateByName}. On success Jellyfin creates a token bound to this client's
     * DeviceId and revokes the user's earlier tokens for the same DeviceId. The server's token is not sent.
     */
    LoginResult authenticateByName(JellyfinServer server, String username, String password);

    /** {@code POST /Sessions/Logout}: revokes the server's token (a no-op for API keys). */
    void logout(JellyfinServer server);

    /** {@code GET /Users}: every user with its policy; call it with an API key or an admin's token. */
    List<UserDto> users(JellyfinServer server);

    /** {@code GET /Users/Me}: the token's user, or empty for an API key (Jellyfin answers 400 there). */
    Optional<UserDto> currentUser(JellyfinServer server);

    /** {@code GET /Items}: one page of items. */
    BaseItemDtoQueryResult items(JellyfinServer server, ItemQuery query);

    /** {@code GET /Items/{itemId}?userId=}: empty when Jellyfin answers 404 (gone or not visible). */
    Optional<BaseItemDto> item(JellyfinServer server, String userId, String itemId);

    /**
     * {@code POST /UserPlayedItems/{itemId}?userId=&datePlayed=}: marks played. With a date the play count
     * goes up by one and LastPlayedDate becomes that date; without one the count becomes at least 1 and
     * LastPlayedDate keeps its value (or becomes now). The position is reset. On a Series or Season it
     * applies to every episode with a file.
     *
     * @param datePlayed may be {@code null}
     */
    UserItemDataDto markPlayed(JellyfinServer server, String userId, String itemId, Instant datePlayed);

    /** {@code DELETE /UserPlayedItems/{itemId}?userId=}: play count 0, no last played date, not played. */
    UserItemDataDto markUnplayed(JellyfinServer server, String userId, String itemId);

    /** {@code GET /UserItems/{itemId}/UserData?userId=}. */
    UserItemDataDto userData(JellyfinServer server, String userId, String itemId);

    /** {@code POST /UserItems/{itemId}/UserData?userId=}: applies the non-null fields of {@code update}. */
    UserItemDataDto updateUserData(JellyfinServer server, String userId, String itemId, UpdateUserItemDataDto update);

    /**
     * {@code POST /Collections?name=&ids=&isLocked=}: creates a collection (a {@code BoxSet}) holding {@code ids}, in that
     * order; returns its id. Needs an API key, an admin, or a user allowed to manage collections (else 403).
     */
    String createCollection(JellyfinServer server, String name, List<String> ids, boolean locked);

    /** {@code POST /Collections/{id}/Items?ids=} (204): appends the items to the collection, in order. */
    void addToCollection(JellyfinServer server, String collectionId, List<String> ids);

    /** {@code DELETE /Collections/{id}/Items?ids=} (204): takes the items out of the collection. */
    void removeFromCollection(JellyfinServer server, String collectionId, List<String> ids);

    /**
     * {@code DELETE /Items/{id}} (204) for a collection. Never call it with anything but the id of a {@code BoxSet}: on a
     * movie or an episode Jellyfin deletes the media files.
     */
    void deleteCollection(JellyfinServer server, String collectionId);

    /**
     * {@code GET /Items/{itemId}/Images/Primary?maxWidth=}: the item's poster scaled down to at most {@code maxWidth}
     * pixels wide, or empty when the item has none (Jellyfin answers 404).
     */
    java.util.Optional<ImageData> primaryImage(JellyfinServer server, String itemId, int maxWidth);

    /**
     * Walks {@code GET /Items} page by page, lazily: the one paging walk. The query's own start index is the first
     * offset and its limit is replaced by {@code pageSize}; without a sort the query is sorted by
     * {@link ItemQuery#DEFAULT_PAGING_SORT}. Only the first page asks for the total count; the walk ends once that
     * count is read (no empty page after a last full one), or at the first page shorter than {@code pageSize}. Reads
     * are retried by the transport only; a page that fails fails the walk.
     */
    default Stream<BaseItemDtoQueryResult> pages(JellyfinServer server, ItemQuery query, int pageSize) {
        return ItemPages.stream(this, server, query, pageSize);
    }

    /** All items of {@link #pages}, in order. */
    default List<BaseItemDto> allItems(JellyfinServer server, ItemQuery query, int pageSize) {
        return pages(server, query, pageSize).flatMap(page -> page.items().stream()).toList();
    }
}
