package app.pathary.history.portable;

import java.time.LocalDate;
import java.util.List;

/**
 * What committing a staged import would do: dates that are new, plays added to dates already there, rows that
 * change nothing, and rows without a movie (left out unless resolved). {@code changes} lists the new and raised dates.
 */
public record ImportPreview(long id, String fileName, HistoryFormat format, int rows, int newDates, int addedPlays, int unchanged,
        int newEpisodeDates, int addedEpisodePlays, List<Line> changes, List<Line> episodeChanges, List<Line> unmatched) {

    /** One watch date of the file as the preview shows it; {@code line} is the file's line (or Trakt entry). */
    public record Line(int line, String title, Integer year, LocalDate date, int plays, int addedPlays, boolean newDate) {
    }

    public boolean nothingToAdd() {
        return newDates == 0 && addedPlays == 0 && newEpisodeDates == 0 && addedEpisodePlays == 0;
    }
}
