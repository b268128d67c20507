package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.jellyfin.client.dto.UpdateUserItemDataDto;
import app.pathary.jellyfin.client.dto.UserItemDataDto;
import app.pathary.testing.FakeItem;
import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeUser;
import app.pathary.testing.FakeUserData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpJellyfinClientPlaystateTest {

    private static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2024-01-31T20:30:00Z");

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final HttpJellyfinClient client = JellyfinTestClients.client();
    private final FakeUser alice = jellyfin.addUser("alice", "pw");
    private final JellyfinServer asAlice = JellyfinServer.anonymous(jellyfin.baseUrl())
            .withToken(jellyfin.issueToken(alice, "pathary-test-device"));
    private final FakeItem movie = jellyfin.addMovie("Free Guy", 2021);

    {
        jellyfin.useClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        jellyfin.close();
    }

    @Test
    void markingPlayedWithADateCountsAPlayAndSetsThatDate() {
        UserItemDataDto data = client.markPlayed(asAlice, alice.id(), movie.id(), EARLIER);

        assertThat(data.played()).isTrue();
        assertThat(data.playCount()).isEqualTo(1);
        assertThat(data.lastPlayedDate()).isEqualTo(EARLIER);
        assertThat(jellyfin.userData(alice, movie)).isEqualTo(new FakeUserData(true, 1, EARLIER, false, 0));

        assertThat(client.markPlayed(asAlice, alice.id(), movie.id(), NOW).playCount()).isEqualTo(2);
    }

    @Test
    void markingPlayedWithoutADateKeepsTheCountAndTheLastDate() {
        jellyfin.setUserData(alice, movie, new FakeUserData(false, 3, EARLIER, false, 12_000_000L));

        UserItemDataDto data = client.markPlayed(asAlice, alice.id(), movie.id(), null);

        assertThat(data.playCount()).isEqualTo(3);
        assertThat(data.lastPlayedDate()).isEqualTo(EARLIER);
        assertThat(data.playbackPositionTicks()).isZero();
        assertThat(data.played()).isTrue();
    }

    @Test
    void markingANeverPlayedItemWithoutADateMakesOnePlayNow() {
        UserItemDataDto data = client.markPlayed(asAlice, alice.id(), movie.id(), null);

        assertThat(data.playCount()).isEqualTo(1);
        assertThat(data.lastPlayedDate()).isEqualTo(NOW);
    }

    @Test
    void markingUnplayedClearsCountDateAndPlayed() {
        jellyfin.setUserData(alice, movie, FakeUserData.playedOn(EARLIER, 4).withFavorite(true));

        UserItemDataDto data = client.markUnplayed(asAlice, alice.id(), movie.id());

        assertThat(data.played()).isFalse();
        assertThat(data.playCount()).isZero();
        assertThat(data.lastPlayedDate()).isNull();
        assertThat(data.isFavorite()).isTrue();
    }

    @Test
    void updatingUserDataSetsTheDateWithoutCountingAPlay() {
        jellyfin.setUserData(alice, movie, FakeUserData.playedOn(NOW, 2));

        UserItemDataDto data = client.updateUserData(asAlice, alice.id(), movie.id(), UpdateUserItemDataDto.playedOn(EARLIER));

        assertThat(data.playCount()).isEqualTo(2);
        assertThat(data.lastPlayedDate()).isEqualTo(EARLIER);
        assertThat(data.played()).isTrue();
        assertThat(client.userData(asAlice, alice.id(), movie.id())).isEqualTo(data);
    }

    @Test
    void updatingUserDataSendsOnlyTheFieldsThatAreSet() {
        client.updateUserData(asAlice, null, movie.id(), UpdateUserItemDataDto.playedOn(EARLIER).withPlayCount(1));

        assertThat(jellyfin.userData(alice, movie)).isEqualTo(new FakeUserData(true, 1, EARLIER, false, 0));
        assertThat(jellyfin.requests().getLast().path()).isEqualTo("/UserItems/" + movie.id() + "/UserData");
    }

    @Test
    void markingASeriesPlayedMarksItsEpisodesWithFilesButNotMissingOnes() {
        FakeItem series = jellyfin.addSeries("Pioneer One", 2010);
        FakeItem e1 = jellyfin.addEpisode(series, 1, 1, "Earthfall");
        FakeItem e2 = jellyfin.addEpisode(series, 1, 2, "The Man from Mars");
        FakeItem missing = jellyfin.addEpisode(series, 1, 3, "Missing").virtual();

        UserItemDataDto seriesData = client.markPlayed(asAlice, alice.id(), series.id(), EARLIER);

        assertThat(seriesData.played()).isTrue();
        assertThat(seriesData.unplayedItemCount()).isZero();
        assertThat(jellyfin.userData(alice, e1).played()).isTrue();
        assertThat(jellyfin.userData(alice, e2).lastPlayedDate()).isEqualTo(EARLIER);
        assertThat(jellyfin.userData(alice, missing).played()).isFalse();
    }

    @Test
    void aSeriesWithOneOfTwoEpisodesPlayedIsHalfPlayed() {
        FakeItem series = jellyfin.addSeries("Pioneer One", 2010);
        FakeItem e1 = jellyfin.addEpisode(series, 1, 1, "Earthfall");
        jellyfin.addEpisode(series, 1, 2, "The Man from Mars");
        jellyfin.setUserData(alice, e1, FakeUserData.playedOn(EARLIER, 1));

        UserItemDataDto data = client.userData(asAlice, alice.id(), series.id());

        assertThat(data.played()).isFalse();
        assertThat(data.unplayedItemCount()).isEqualTo(1);
        assertThat(data.playedPercentage()).isEqualTo(50.0);
    }

    @Test
    void markingAnUnknownItemIsNotFound() {
        assertThatThrownBy(() -> client.markPlayed(asAlice, alice.id(), "0123456789abcdef0123456789abcdef", EARLIER))
                .isInstanceOf(JellyfinException.NotFound.class)
                .hasMessage("POST /UserPlayedItems/0123456789abcdef0123456789abcdef -> 404 Not Found");
    }

    @Test
    void markingForAnotherUserWithoutAdminRightsIsForbidden() {
        FakeUser bob = jellyfin.addUser("bob", "pw");

        assertThatThrownBy(() -> client.markUnplayed(asAlice, bob.id(), movie.id()))
                .isInstanceOf(JellyfinException.Forbidden.class);
        assertThat(jellyfin.userData(bob, movie)).isEqualTo(FakeUserData.NONE);
    }
}
