package app.pathary.history;

import java.time.LocalDate;

/**
 * What every history change tells, a movie's ({@link HistoryChange}) or an episode's ({@link EpisodeChange}): whose it
 * is, what kind, the date concerned (null for an unknown date, and for {@link HistoryChange.Kind#ALL_REMOVED}) and where
 * it came from. A reaction common to both (the automatic export) asks this of them.
 */
public interface DatedChange {
    long userId();

    HistoryChange.Kind kind();

    LocalDate date();

    HistoryChange.Source source();
}
