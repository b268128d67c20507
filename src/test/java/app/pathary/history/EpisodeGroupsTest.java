package app.pathary.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.show.Episode;
import app.pathary.show.Show;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeGroupsTest {
    private static final Show EXPANSE = new Show(1, 280619, null, null, "The Expanse", 2015);
    private static final Show SEVERANCE = new Show(2, 371980, null, null, "Severance", 2022);
    private static final LocalDate DAY = LocalDate.of(2026, 1, 4);

    private static EpisodeWatchDate watched(Show show, int season, int number, Integer end, LocalDate date) {
        return new EpisodeWatchDate(show, new Episode(season * 100L + number + show.id() * 10_000, show.id(), season, number, end, null),
                date, 1, null, "webhook");
    }

    @Test
    void episodes_of_one_show_on_one_day_are_one_group_written_as_a_range() {
        var groups = EpisodeGroups.of(List.of(watched(EXPANSE, 2, 5, null, DAY), watched(SEVERANCE, 1, 1, null, DAY),
                watched(EXPANSE, 2, 3, null, DAY), watched(EXPANSE, 2, 4, null, DAY), watched(EXPANSE, 2, 2, null, DAY.minusDays(1))));
        assertThat(groups).extracting(g -> g.show().title() + " " + g.label() + " " + g.date())
                .containsExactly("The Expanse S02E03–E05 2026-01-04", "Severance S01E01 2026-01-04", "The Expanse S02E02 2026-01-03");
    }

    @Test
    void gaps_seasons_and_multi_episode_files_are_written_as_separate_or_longer_ranges() {
        var groups = EpisodeGroups.of(List.of(watched(EXPANSE, 1, 1, 2, DAY), watched(EXPANSE, 1, 3, null, DAY),
                watched(EXPANSE, 1, 6, null, DAY), watched(EXPANSE, 2, 1, null, DAY)));
        assertThat(groups).singleElement().satisfies(g -> assertThat(g.label()).isEqualTo("S01E01–E03, S01E06, S02E01"));
    }

    @Test
    void unknown_dates_group_together_per_show() {
        var groups = EpisodeGroups.of(List.of(watched(EXPANSE, 1, 1, null, null), watched(EXPANSE, 1, 2, null, null)));
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.date()).isNull();
            assertThat(g.label()).isEqualTo("S01E01–E02");
        });
    }
}
