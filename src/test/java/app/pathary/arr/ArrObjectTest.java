package app.pathary.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading *arr JSON: absent means none, present with the wrong type means "not an *arr". */
class ArrObjectTest {

    private static ArrObject object(String json) throws Exception {
        return new ArrAnswer(new ObjectMapper().readTree(json), "Sonarr", "Sonarr (tv) GET /api/v3/series").object();
    }

    @Test
    void absentKeysReadAsNoneAndZeroIdsAsUnknown() throws Exception {
        ArrObject series = object("{\"id\":3,\"tvdbId\":0,\"imdbId\":\"\"}");

        assertThat(series.requiredInt("id")).isEqualTo(3);
        assertThat(series.positiveIntOrNull("tvdbId")).isNull();
        assertThat(series.positiveIntOrNull("tmdbId")).isNull();
        assertThat(series.text("imdbId")).isNull();
        assertThat(series.text("path")).isNull();
        assertThat(series.bool("monitored")).isFalse();
        assertThat(series.ints("tags")).isEmpty();
        assertThat(series.objects("seasons")).isEmpty();
        assertThat(series.object("statistics")).isNull();
        assertThat(series.instant("nextAiring")).isNull();
        assertThat(series.longOr("sizeOnDisk", 0)).isZero();
    }

    @Test
    void datesMayCarryFractionsAndOffsets() throws Exception {
        ArrObject episode = object("{\"a\":\"2024-05-01T20:00:00Z\",\"b\":\"2024-05-01T20:00:00.1234567Z\",\"c\":\"2024-05-01T22:00:00+02:00\"}");

        assertThat(episode.instant("a")).isEqualTo(Instant.parse("2024-05-01T20:00:00Z"));
        assertThat(episode.instant("b")).isEqualTo(Instant.parse("2024-05-01T20:00:00.1234567Z"));
        assertThat(episode.instant("c")).isEqualTo(Instant.parse("2024-05-01T20:00:00Z"));
    }

    @Test
    void wrongTypesAreNotArr() throws Exception {
        ArrObject odd = object("{\"id\":\"seven\",\"monitored\":\"yes\",\"tags\":[\"keep\"],\"added\":\"yesterday\",\"big\":1e3}");

        assertThatThrownBy(() -> odd.requiredInt("id")).isInstanceOf(ArrException.NotArr.class).hasMessageContaining("id is not an integer");
        assertThatThrownBy(() -> odd.bool("monitored")).isInstanceOf(ArrException.NotArr.class);
        assertThatThrownBy(() -> odd.ints("tags")).isInstanceOf(ArrException.NotArr.class);
        assertThatThrownBy(() -> odd.instant("added")).isInstanceOf(ArrException.NotArr.class);
        assertThatThrownBy(() -> odd.longOr("big", 0)).isInstanceOf(ArrException.NotArr.class);
        assertThatThrownBy(() -> odd.requiredInt("missing")).isInstanceOf(ArrException.NotArr.class).hasMessageContaining("no missing");
    }

    @Test
    void anArrayWhereAnObjectBelongsIsNotArr() throws Exception {
        ArrAnswer answer = new ArrAnswer(new ObjectMapper().readTree("[1,2]"), "Radarr", "Radarr (m) GET /api/v3/movie");

        assertThatThrownBy(answer::object).isInstanceOf(ArrException.NotArr.class);
        assertThatThrownBy(answer::objects).isInstanceOf(ArrException.NotArr.class).hasMessageContaining("array of objects");
    }
}
