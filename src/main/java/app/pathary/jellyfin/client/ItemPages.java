package app.pathary.jellyfin.client;

import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The one walk through {@code GET /Items} in pages, lazily, following Jellyfin's maintainers' advice: an explicit
 * sort, and the total counted only on the first page ({@code enableTotalRecordCount=false} afterwards, which saves
 * Jellyfin a COUNT query per page).
 *
 * <p>The walk ends at the counted total when Jellyfin gave one (so a library of exactly N full pages costs N requests,
 * never an empty N + 1st), and otherwise, or if the library shrank meanwhile, at the first page shorter than asked
 * for. Items added while walking are left for the next walk. Each page is one {@link JellyfinClient#items} call: the
 * transport already tries a failed read again, so the walk never does; a page that still fails ends the walk with
 * its {@link JellyfinException}, never with a partial result that would read as "nothing more there".
 */
final class ItemPages implements Iterator<BaseItemDtoQueryResult> {

    private static final int NOT_COUNTED = -1;

    private final JellyfinClient client;
    private final JellyfinServer server;
    private final ItemQuery query;
    private final int pageSize;
    private int nextStart;
    private int total = NOT_COUNTED;
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
        int read = page.items().size();
        nextStart += read;
        if (first) {
            total = counted(page);
            first = false;
        }
        done = read < pageSize || total != NOT_COUNTED && nextStart >= total;
        return page;
    }

    /**
     * The first page's total, when it is a count: Jellyfin counts all matches (from index 0, whatever the start) when
     * asked; a total of 0 beside items, or one below what this page already reached, is no count.
     */
    private int counted(BaseItemDtoQueryResult firstPage) {
        int count = firstPage.totalRecordCount();
        return count > 0 && count >= nextStart ? count : NOT_COUNTED;
    }
}
