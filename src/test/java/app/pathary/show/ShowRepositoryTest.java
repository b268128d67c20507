package app.pathary.show;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.common.InvalidInputException;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@BothDialects
class ShowRepositoryTest {
    private Database database;
    private ShowRepository shows;

    private void open(Dialect dialect) {
        database = TestDatabases.migrated(dialect);
        shows = new ShowRepository(Clock.systemUTC());
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Show findOrCreate(NewShow show) {
        return database.jdbi().inTransaction(h -> shows.findOrCreate(h, show));
    }

    @Test
    void a_show_is_found_again_by_any_of_its_ids_and_gets_the_ids_it_lacked(Dialect dialect) {
        open(dialect);
        Show made = findOrCreate(new NewShow(new ShowIds(280619, null, null), "The Expanse", null));
        Show again = findOrCreate(new NewShow(new ShowIds(280619, 63639, "tt3230854"), "The Expanse", 2015));
        assertThat(again.id()).isEqualTo(made.id());
        assertThat(again).isEqualTo(new Show(made.id(), 280619, 63639, "tt3230854", "The Expanse", 2015));
        assertThat(findOrCreate(new NewShow(new ShowIds(null, null, "tt3230854"), "Expanse", null)).id()).isEqualTo(made.id());
    }

    @Test
    void existing_metadata_is_never_overwritten_by_another_source(Dialect dialect) {
        open(dialect);
        Show made = findOrCreate(new NewShow(new ShowIds(280619, 63639, null), "The Expanse", 2015));
        Show other = findOrCreate(new NewShow(new ShowIds(null, null, "tt0944947"), "Game of Thrones", 2011));
        // a file that says something else about the same show: title, year and held ids stay; a free id is filled
        Show again = findOrCreate(new NewShow(new ShowIds(280619, 99999, "tt3230854"), "Expanse (my title)", 1999));
        assertThat(again).isEqualTo(new Show(made.id(), 280619, 63639, "tt3230854", "The Expanse", 2015));
        // an id another show holds is not taken from it
        Show conflicting = findOrCreate(new NewShow(new ShowIds(121361, null, "tt3230854"), "Game of Thrones", null));
        assertThat(conflicting.id()).isEqualTo(made.id()).as("TVDb is unknown, IMDb names The Expanse");
        assertThat(database.jdbi().withHandle(h -> shows.findById(h, other.id())).orElseThrow().tvdbId()).isNull();
    }

    @Test
    void when_ids_name_two_shows_the_tvdb_id_decides(Dialect dialect) {
        open(dialect);
        Show byTvdb = findOrCreate(new NewShow(new ShowIds(280619, null, null), "The Expanse", null));
        findOrCreate(new NewShow(new ShowIds(null, 1399, null), "Game of Thrones", null));
        assertThat(findOrCreate(new NewShow(new ShowIds(280619, 1399, null), "The Expanse", null)).id()).isEqualTo(byTvdb.id());
    }

    @Test
    void episodes_are_one_per_season_and_number_and_get_what_they_lacked(Dialect dialect) {
        open(dialect);
        Show show = findOrCreate(new NewShow(new ShowIds(280619, null, null), "The Expanse", null));
        Episode first = database.jdbi().inTransaction(h -> shows.findOrCreateEpisode(h, show.id(), new NewEpisode(1, 1, null, null)));
        Episode again = database.jdbi().inTransaction(h -> shows.findOrCreateEpisode(h, show.id(), new NewEpisode(1, 1, 2, "Dulcinea")));
        Episode third = database.jdbi().inTransaction(h -> shows.findOrCreateEpisode(h, show.id(), new NewEpisode(1, 1, 3, "Other")));
        assertThat(again).isEqualTo(new Episode(first.id(), show.id(), 1, 1, 2, "Dulcinea"));
        assertThat(third).isEqualTo(again);
        assertThat(again.code()).isEqualTo("S01E01–E02");
    }

    @Test
    void a_show_needs_an_id_and_a_title(Dialect dialect) {
        open(dialect);
        assertThatThrownBy(() -> new NewShow(new ShowIds(null, null, " "), "x", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("tvdbId");
        assertThatThrownBy(() -> new NewShow(new ShowIds(1, null, null), " ", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> new NewEpisode(1, 3, 2, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("endEpisode");
    }
}
