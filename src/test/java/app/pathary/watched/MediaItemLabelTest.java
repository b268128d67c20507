package app.pathary.watched;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An episode's label pads season and episode to two digits, as reports and plans have always printed them. */
class MediaItemLabelTest {

    @ParameterizedTest(name = "season {0}, episode {1}-{2}: {3}")
    @CsvSource(nullValues = "null", value = {
            "1, 2, null, S01E02",
            "0, 1, null, S00E01",
            "null, 5, null, S00E05",
            "1, null, null, S01E?",
            "2, 3, 4, S02E03-E04",
            "2, 3, 3, S02E03",
            "2, 4, 3, S02E04",
            "12, 105, 107, S12E105-E107",
            "2009, 10, null, S2009E10",
    })
    void episodesAreLabelledLikeFormatsPercent02d(Integer season, Integer episode, Integer end, String label) {
        MediaItem item = new MediaItem("e", MediaItem.Kind.EPISODE, "Pilot", "/tv/x.mkv", null, null, null, "s", "Show", "se",
                season, episode, end);

        assertThat(item.label()).isEqualTo(label)
                .isEqualTo(String.format("S%02d", season == null ? 0 : season) + (episode == null ? "E?" : String.format("E%02d", episode))
                        + (end != null && episode != null && end > episode ? String.format("-E%02d", end) : ""));
    }

    @ParameterizedTest
    @CsvSource({"Heat", "Alien"})
    void aMovieIsLabelledByItsName(String name) {
        MediaItem movie = new MediaItem("m", MediaItem.Kind.MOVIE, name, null, 1, null, null, null, null, null, null, null, null);

        assertThat(movie.label()).isEqualTo(name);
    }
}
