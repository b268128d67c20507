package app.pathary.cleanup.plan;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.arr.radarr.MovieFile;
import app.pathary.arr.radarr.RadarrMovie;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.instances.CleanupLimits;
import app.pathary.cleanup.instances.PathMapping;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The limits one run may not pass without an override, as pure rules over a plan and the *arr libraries. */
class BlastRadiusTest {
    private static final ArrInstanceConfig RADARR = new ArrInstanceConfig(null, ArrKind.RADARR, "radarr", URI.create("http://radarr"), "key",
            PathMapping.none(), "keep", "test");

    private static List<RadarrMovie> movies(int count) {
        List<RadarrMovie> movies = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            movies.add(new RadarrMovie(i, "M" + i, 2000, i, null, "/movies/m" + i, true, List.of(), new MovieFile(i, "/movies/m" + i + "/f.mkv", 1), 1));
        }
        return movies;
    }

    private static CleanupPlan deleting(int count) {
        List<PlanEntry> entries = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            entries.add(new PlanEntry(PlanEntry.DELETE_MOVIE, "radarr", i, List.of("jf" + i), "M" + i, "/movies/m" + i, 1, List.of("watched"),
                    "delete-movie-and-files", i, null, null, null));
        }
        return new CleanupPlan(Instant.now(), LocalDate.now(), "p", entries, List.of());
    }

    private static ArrSnapshot library(int count) {
        return new ArrSnapshot(List.of(new ArrSnapshot.RadarrView(RADARR, movies(count), Set.of(), List.of("/movies"))), List.of(), List.of());
    }

    @Test
    void within_the_limits_nothing_stops() {
        assertThat(BlastRadius.stops(deleting(5), library(10), Optional.empty(), CleanupLimits.defaults())).isEmpty();
    }

    @Test
    void too_many_deletions_or_too_large_a_share_of_an_instance_stop_the_plan() {
        CleanupLimits limits = new CleanupLimits(3, 50, Duration.ofHours(24));
        assertThat(BlastRadius.stops(deleting(6), library(10), Optional.empty(), limits)).containsExactly(
                "The plan deletes 6 items, more than CLEANUP_MAX_DELETIONS_PER_RUN (3) allows in one run.",
                "The plan deletes 6 of the 10 movies of radarr (60 %), more than CLEANUP_MAX_DELETE_PERCENT (50 %) allows in one run.");
    }

    @Test
    void an_instance_that_answers_empty_after_a_plan_matched_items_to_it_stops_the_plan() {
        assertThat(BlastRadius.stops(deleting(0), library(0), Optional.of(deleting(2)), CleanupLimits.defaults())).containsExactly(
                "Radarr radarr answered with an empty library, but the previous plan matched 2 items to it; "
                        + "is a disk unmounted or the wrong server configured?");
        assertThat(BlastRadius.stops(deleting(0), library(0), Optional.empty(), CleanupLimits.defaults()))
                .as("a new, still empty Radarr is no alarm").isEmpty();
    }

    @Test
    void invalid_limits_stop_startup_with_a_sentence_naming_the_variable() {
        var environment = new app.pathary.config.Environment(java.util.Map.of("CLEANUP_MAX_DELETE_PERCENT", "150"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.pathary.config.AppConfig.from(environment))
                .hasMessage("CLEANUP_MAX_DELETE_PERCENT must be a whole number from 1 to 100, not '150'.");
    }
}
