package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one paging walk through {@code GET /Items}: when it stops, what it costs, and how a failed page ends it. */
class ItemPagesTest {

    private static final int PAGE = 3;

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final FakeUser alice = jellyfin.addUser("alice", "pw");
    private final JellyfinServer asAlice = JellyfinServer.anonymous(jellyfin.baseUrl())
            .withToken(jellyfin.issueToken(alice, "pathary-test-device"));
    private final ItemQuery movies = ItemQuery.libraryOf(alice.id(), BaseItemKind.Movie);
    /** Sends every read once. */
    private final HttpJellyfinClient client = JellyfinTestClients.client();

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @ParameterizedTest(name = "{0} movies in pages of 3 take {1} requests")
    @CsvSource({
            "0, 1",   // zero items: one empty page says so
            "2, 1",   // one short page
            "3, 1",   // an exact multiple: the count says the first page was the last
            "6, 2",   // an exact multiple again: no empty third page
            "5, 2",   // one short of a multiple
            "7, 3",   // one over a multiple
    })
    void stopsAtTheCountedTotalOrAShortPageNeverAskingForAnEmptyTrailingPage(int count, int requests) {
        List<String> seeded = addMovies("Movie", count);

        List<BaseItemDto> all = client.allItems(asAlice, movies, PAGE);

        assertThat(all).extracting(BaseItemDto::id).containsExactlyInAnyOrderElementsOf(seeded).doesNotHaveDuplicates();
        assertThat(jellyfin.requestCount("GET", "/Items")).isEqualTo(requests);
    }

    @Test
    void itemsAddedDuringTheWalkAreLeftForTheNextWalk() {
        List<String> before = addMovies("Movie", 6);
        Iterator<BaseItemDtoQueryResult> pages = client.pages(asAlice, movies, PAGE).iterator();
        List<BaseItemDto> read = new ArrayList<>(pages.next().items());

        addMovies("New movie", 2);
        pages.forEachRemaining(page -> read.addAll(page.items()));

        assertThat(read).extracting(BaseItemDto::id).containsExactlyElementsOf(before);
        assertThat(jellyfin.requestCount("GET", "/Items")).as("the total counted at the start: 6 items, 2 pages").isEqualTo(2);
    }

    @Test
    void aLibraryThatShrinksDuringTheWalkEndsAtItsShortPage() {
        FakeItem kept = jellyfin.addLibrary("Kept", "movies");
        FakeItem hidden = jellyfin.addLibrary("Hidden", "movies");
        List<String> keptIds = IntStream.range(0, 4).mapToObj(i -> jellyfin.addMovie(kept, "A " + i, 2000).id()).toList();
        IntStream.range(0, 3).forEach(i -> jellyfin.addMovie(hidden, "B " + i, 2000));
        Iterator<BaseItemDtoQueryResult> pages = client.pages(asAlice, movies, PAGE).iterator();
        BaseItemDtoQueryResult first = pages.next();

        jellyfin.limitLibraries(alice, kept);
        List<BaseItemDto> read = new ArrayList<>(first.items());
        pages.forEachRemaining(page -> read.addAll(page.items()));

        assertThat(first.totalRecordCount()).isEqualTo(7);
        assertThat(read).extracting(BaseItemDto::id).containsExactlyElementsOf(keptIds);
        assertThat(jellyfin.requestCount("GET", "/Items")).as("the short second page ends it, though 7 were counted").isEqualTo(2);
    }

    @Test
    void aWalkFromAStartIndexStopsAtTheCountedTotalToo() {
        addMovies("Movie", 5);

        List<BaseItemDto> rest = client
                .allItems(asAlice, ItemQuery.builder().userId(alice.id()).includeItemTypes(BaseItemKind.Movie).recursive(true)
                        .startIndex(2).build(), PAGE);

        assertThat(rest).hasSize(3);
        assertThat(jellyfin.requestCount("GET", "/Items")).isEqualTo(1);
    }

    @Test
    void aPageThatStillFailsAfterTheTransportsRetriesFailsTheWalkWhichNeverRetriesItself() {
        addMovies("Movie", 7);
        Iterator<BaseItemDtoQueryResult> pages = JellyfinTestClients.retrying(2).pages(asAlice, movies, PAGE).iterator();
        pages.next();

        jellyfin.failNext(2, FakeJellyfin.Fault.SERVER_ERROR);

        assertThatThrownBy(pages::next).isInstanceOf(JellyfinException.UnexpectedStatus.class);
        assertThat(jellyfin.requestCount("GET", "/Items")).as("1 page, then the transport's 2 attempts at the second").isEqualTo(3);
    }

    @Test
    void aFailedPageFailsTheWholeWalkInsteadOfGivingWhatWasReadSoFar() {
        addMovies("Movie", 7);
        List<Integer> pagesRead = new ArrayList<>();

        assertThatThrownBy(() -> client.pages(asAlice, movies, PAGE)
                .peek(page -> {
                    pagesRead.add(page.items().size());
                    jellyfin.failNext(1, FakeJellyfin.Fault.HTML_PAGE);
                })
                .flatMap(page -> page.items().stream()).toList())
                .isInstanceOf(JellyfinException.NotJellyfin.class);
        assertThat(pagesRead).as("the first page was read, the second failed").containsExactly(3);
        assertThat(jellyfin.requestCount("GET", "/Items")).isEqualTo(2);
    }

    @Test
    void aTransportRetryThatSucceedsIsInvisibleToTheWalk() {
        List<String> seeded = addMovies("Movie", 7);
        jellyfin.failNext(1, FakeJellyfin.Fault.SERVER_ERROR);

        List<BaseItemDto> all = JellyfinTestClients.retrying(2).allItems(asAlice, movies, PAGE);

        assertThat(all).extracting(BaseItemDto::id).containsExactlyInAnyOrderElementsOf(seeded).doesNotHaveDuplicates();
        assertThat(jellyfin.requestCount("GET", "/Items")).as("3 pages and one retry").isEqualTo(4);
    }

    private List<String> addMovies(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> jellyfin.addMovie(prefix + " " + i, 2000).id()).toList();
    }
}
