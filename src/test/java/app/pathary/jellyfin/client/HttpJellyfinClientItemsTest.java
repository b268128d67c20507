package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.client.dto.BaseItemDtoQueryResult;
import app.pathary.jellyfin.client.dto.BaseItemKind;
import app.pathary.jellyfin.client.dto.ItemFields;
import app.pathary.jellyfin.client.dto.ItemSortBy;
import app.pathary.jellyfin.client.dto.SortOrder;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpJellyfinClientItemsTest {

    private static final int PAGE = 3;

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final HttpJellyfinClient client = JellyfinTestClients.client();
    private final FakeUser alice = jellyfin.addUser("alice", "pw");
    private final JellyfinServer asAlice = JellyfinServer.anonymous(jellyfin.baseUrl())
            .withToken(jellyfin.issueToken(alice, "pathary-test-device"));

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @ParameterizedTest(name = "{0} movies in pages of 3 take {1} requests")
    @CsvSource({"0, 1", "1, 1", "3, 1", "4, 2", "7, 3"})
    void walkingAllPagesReturnsEveryItemOnceWithTheExpectedNumberOfRequests(int movies, int requests) {
        List<String> seeded = IntStream.range(0, movies)
                .mapToObj(i -> jellyfin.addMovie("Movie " + i, 2000 + i).id()).toList();

        List<BaseItemDto> all = client.allItems(asAlice, ItemQuery.libraryOf(alice.id(), BaseItemKind.Movie), PAGE);

        assertThat(all).extracting(BaseItemDto::id).containsExactlyInAnyOrderElementsOf(seeded).doesNotHaveDuplicates();
        assertThat(jellyfin.requestCount("GET", "/Items")).isEqualTo(requests);
    }

    @Test
    void onlyTheFirstPageAsksForTheTotalCountAndEveryPageIsSorted() {
        IntStream.range(0, 4).forEach(i -> jellyfin.addMovie("Movie " + i, 2000));

        List<BaseItemDtoQueryResult> pages = client.pages(asAlice, ItemQuery.libraryOf(alice.id(), BaseItemKind.Movie), PAGE).toList();

        assertThat(pages).extracting(BaseItemDtoQueryResult::totalRecordCount).containsExactly(4, 1);
        assertThat(pages).extracting(BaseItemDtoQueryResult::startIndex).containsExactly(0, 3);
        assertThat(jellyfin.requests()).extracting(r -> r.query()).allSatisfy(query -> assertThat(query)
                .contains("sortBy=DateCreated%2CSortName", "sortOrder=Ascending", "limit=3"));
        assertThat(jellyfin.requests().get(0).query()).contains("enableTotalRecordCount=true");
        assertThat(jellyfin.requests().get(1).query()).contains("startIndex=3", "enableTotalRecordCount=false");
    }

    @Test
    void pagesAreFetchedLazily() {
        IntStream.range(0, 7).forEach(i -> jellyfin.addMovie("Movie " + i, 2000));

        client.pages(asAlice, ItemQuery.libraryOf(alice.id(), BaseItemKind.Movie), PAGE).findFirst();

        assertThat(jellyfin.requestCount("GET", "/Items")).isEqualTo(1);
    }

    @Test
    void moviesCarryProviderIdsPathDateCreatedAndUserData() {
        FakeItem freeGuy = jellyfin.addMovie("Free Guy", 2021).tmdb("550988").imdb("tt6264654")
                .path("/media/movies/Free Guy (2021)/Free Guy.mkv").dateCreated(Instant.parse("2024-03-01T10:00:00Z"));
        jellyfin.setUserData(alice, freeGuy, FakeUserData.playedOn(Instant.parse("2024-05-01T20:00:00Z"), 2).withFavorite(true));

        BaseItemDto movie = client.items(asAlice, ItemQuery.libraryOf(alice.id(), BaseItemKind.Movie)).items().getFirst();

        assertThat(movie.id()).isEqualTo(freeGuy.id());
        assertThat(movie.name()).isEqualTo("Free Guy");
        assertThat(movie.type()).isEqualTo("Movie");
        assertThat(movie.productionYear()).isEqualTo(2021);
        assertThat(movie.tmdbId()).contains("550988");
        assertThat(movie.imdbId()).contains("tt6264654");
        assertThat(movie.providerId("TMDB")).contains("550988");
        assertThat(movie.path()).isEqualTo("/media/movies/Free Guy (2021)/Free Guy.mkv");
        assertThat(movie.dateCreated()).isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
        assertThat(movie.locationType()).isEqualTo("FileSystem");
        assertThat(movie.userData()).isEqualTo(new UserItemDataDto(null, null, 0, 2, true,
                Instant.parse("2024-05-01T20:00:00Z"), true, freeGuy.id(), freeGuy.id()));
    }

    @Test
    void optionalFieldsAreAbsentUnlessAskedFor() {
        jellyfin.addMovie("Free Guy", 2021).tmdb("550988").path("/m/free-guy.mkv").overview("A bank teller");

        BaseItemDto movie = client.items(asAlice, ItemQuery.builder().userId(alice.id()).recursive(true)
                .includeItemTypes(BaseItemKind.Movie).build()).items().getFirst();

        assertThat(movie.path()).isNull();
        assertThat(movie.providerIds()).isEmpty();
        assertThat(movie.dateCreated()).isNull();
        assertThat(movie.overview()).isNull();
        assertThat(movie.userData()).isNotNull();
    }

    @Test
    void episodesCarryTheirSeriesSeasonAndNumbers() {
        FakeItem series = jellyfin.addSeries("Pioneer One", 2010).tvdb("170551");
        FakeItem double1 = jellyfin.addEpisode(series, 1, 1, "Earthfall").indexNumberEnd(2).path("/tv/P1/S01E01-E02.mkv");
        jellyfin.addEpisode(series, 1, 3, "Missing").virtual();

        List<BaseItemDto> episodes = client.allItems(asAlice, ItemQuery.builder().userId(alice.id()).parentId(series.id())
                .includeItemTypes(BaseItemKind.Episode).recursive(true).fields(ItemFields.Path)
                .sortBy(SortOrder.Ascending, ItemSortBy.ParentIndexNumber, ItemSortBy.IndexNumber).build(), 50);

        assertThat(episodes).hasSize(2);
        BaseItemDto first = episodes.getFirst();
        assertThat(first.id()).isEqualTo(double1.id());
        assertThat(first.seriesId()).isEqualTo(series.id());
        assertThat(first.seriesName()).isEqualTo("Pioneer One");
        assertThat(first.seasonId()).isEqualTo(double1.parentId());
        assertThat(first.seasonName()).isEqualTo("Season 1");
        assertThat(first.parentIndexNumber()).isEqualTo(1);
        assertThat(first.indexNumber()).isEqualTo(1);
        assertThat(first.indexNumberEnd()).isEqualTo(2);
        assertThat(first.isVirtual()).isFalse();
        assertThat(episodes.get(1).isVirtual()).isTrue();
        assertThat(episodes.get(1).path()).isNull();
    }

    @Test
    void filtersByPlayedAndFavoriteForTheUser() {
        FakeItem seen = jellyfin.addMovie("Seen", 2000);
        FakeItem unseen = jellyfin.addMovie("Unseen", 2000);
        jellyfin.setUserData(alice, seen, FakeUserData.playedOn(Instant.parse("2024-01-01T00:00:00Z"), 1));
        jellyfin.setUserData(alice, unseen, FakeUserData.NONE.withFavorite(true));

        assertThat(client.items(asAlice, query().isPlayed(true).build()).items()).extracting(BaseItemDto::id).containsExactly(seen.id());
        assertThat(client.items(asAlice, query().isPlayed(false).build()).items()).extracting(BaseItemDto::id).containsExactly(unseen.id());
        assertThat(client.items(asAlice, query().isFavorite(true).build()).items()).extracting(BaseItemDto::id).containsExactly(unseen.id());
    }

    @Test
    void aSingleItemComesWithAllFieldsAndAnUnknownOneIsEmpty() {
        FakeItem movie = jellyfin.addMovie("Free Guy", 2021).tmdb("550988").path("/m/free-guy.mkv");

        assertThat(client.item(asAlice, alice.id(), movie.id())).get()
                .satisfies(item -> assertThat(item.path()).isEqualTo("/m/free-guy.mkv"))
                .satisfies(item -> assertThat(item.tmdbId()).contains("550988"));
        assertThat(client.item(asAlice, alice.id(), "00000000000000000000000000000000")).isEmpty();
        assertThat(client.item(asAlice, null, movie.id())).isPresent();
    }

    @Test
    void anItemOutsideTheUsersLibrariesIsNotFound() {
        FakeItem kids = jellyfin.addLibrary("Kids", "movies");
        FakeItem grownUps = jellyfin.addLibrary("Grown-ups", "movies");
        FakeItem hidden = jellyfin.addMovie(grownUps, "Hidden", 1999);
        jellyfin.limitLibraries(alice, kids);

        assertThat(client.item(asAlice, alice.id(), hidden.id())).isEmpty();
        assertThat(client.allItems(asAlice, ItemQuery.libraryOf(alice.id(), BaseItemKind.Movie), 10)).isEmpty();
    }

    @Test
    void aUserAskingForAnotherUsersItemsIsForbidden() {
        FakeUser bob = jellyfin.addUser("bob", "pw");

        assertThatThrownBy(() -> client.items(asAlice, ItemQuery.libraryOf(bob.id(), BaseItemKind.Movie)))
                .isInstanceOf(JellyfinException.Forbidden.class);
    }

    @Test
    void anApiKeyMayReadAnyUsersItemsButMustNameTheUserForASingleItem() {
        FakeItem movie = jellyfin.addMovie("Free Guy", 2021);
        JellyfinServer withApiKey = JellyfinServer.anonymous(jellyfin.baseUrl()).withToken(jellyfin.addApiKey());

        assertThat(client.items(withApiKey, ItemQuery.libraryOf(alice.id(), BaseItemKind.Movie)).items()).hasSize(1);
        assertThat(client.item(withApiKey, alice.id(), movie.id())).isPresent();
        assertThatThrownBy(() -> client.item(withApiKey, null, movie.id()))
                .isInstanceOfSatisfying(JellyfinException.UnexpectedStatus.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    private ItemQuery.Builder query() {
        return ItemQuery.builder().userId(alice.id()).recursive(true).includeItemTypes(BaseItemKind.Movie);
    }
}
