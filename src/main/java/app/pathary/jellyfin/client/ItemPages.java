package app.pathary.jellyfin.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks {@code GET /Items} in pages, following Jellyfin's maintainers' advice: an explicit sort, the total
 * count only on the first page ({@code enableTotalRecordCount=false} afterwards, which saves Jellyfin a
 * COUNT query per page), and stop at the first short page.
 */
final class ItemPages implements Iterator<BaseItemDtoQueryResult> {

    private final JellyfinClient client;
    private final JellyfinServer server;
    private final ItemQuery query;
    private final int pageSize;
    private int nextStart;
    private boolean first = true;
    private boolean done;

    private ItemPages(JellyfinClient client, JellyfinServer server, ItemQuery query, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
        }
        this.client = client;
        this.server = server;
        this.query = query;
        this.pageSize = pageSize;
        this.nextStart = query.startIndex() == null ? 0 : query.startIndex();
    }

    static Stream<BaseItemDtoQueryResult> stream(JellyfinClient client, JellyfinServer server, ItemQuery query,
                                                 int pageSize) {
        Iterator<BaseItemDtoQueryResult> pages = new ItemPages(client, server, query, pageSize);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED), false);
    }

    @Override
    public boolean hasNext() {
        return !done;
    }

    @Override
    public BaseItemDtoQueryResult next() {
        if (done) {
            throw new NoSuchElementException();
        }
        BaseItemDtoQueryResult page = client.items(server, query.page(nextStart, pageSize, first));
        first = false;
        nextStart += page.items().size();
        done = page.items().size() < pageSize;
        return page;
    }
}
