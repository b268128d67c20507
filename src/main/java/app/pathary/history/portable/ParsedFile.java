package app.pathary.history.portable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a file holds once read: its format, the number of plays (or rows) read, and the watch dates with the plays of
 * one movie on one date added up (Movary and Trakt write one row per play: three rows on a date are three plays).
 */
record ParsedFile(HistoryFormat format, int rows, List<ImportedDate> dates, List<ImportedEpisode> episodes) {
    static ParsedFile of(HistoryFormat format, int rows, List<ImportedDate> plays, List<ImportedEpisode> episodePlays) {
        Map<String, ImportedDate> byKey = new LinkedHashMap<>();
        for (ImportedDate play : plays) {
            byKey.merge(play.key(), play, (a, b) -> new ImportedDate(a.line(), a.movie(), a.date(), a.plays() + b.plays(),
                    a.comment() != null ? a.comment() : b.comment()));
        }
        Map<String, ImportedEpisode> episodes = new LinkedHashMap<>();
        for (ImportedEpisode play : episodePlays) {
            episodes.merge(play.key(), play, ImportedEpisode::plus);
        }
        return new ParsedFile(format, rows, new ArrayList<>(byKey.values()), new ArrayList<>(episodes.values()));
    }
}
