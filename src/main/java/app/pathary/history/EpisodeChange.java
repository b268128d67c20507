package app.pathary.history;

import app.pathary.history.HistoryChange.Kind;
import app.pathary.history.HistoryChange.Source;
import app.pathary.show.Episode;
import app.pathary.show.Show;
import java.time.LocalDate;

/**
 * What changed in a user's episode history, told to the {@link EpisodeListener}s like {@link HistoryChange} is for movies.
 *
 * @param date   the date concerned; null for an unknown date, and for {@link Kind#ALL_REMOVED}
 * @param source where the change came from, so a reaction can skip its own echo
 */
public record EpisodeChange(long userId, Show show, Episode episode, Kind kind, LocalDate date, Source source)
        implements DatedChange {
    public long episodeId() {
        return episode.id();
    }
}
