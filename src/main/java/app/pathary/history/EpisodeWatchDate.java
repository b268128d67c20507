package app.pathary.history;

import app.pathary.show.Episode;
import app.pathary.show.Show;
import java.time.LocalDate;

/**
 * One episode watch date of a user: the show and episode, a calendar date (null when unknown), plays, comment, and
 * where the date came from first ({@link HistoryChange.Source#stored()}: webhook, catchup, mark, import, jellyfin, page,
 * api, cli; null for none recorded).
 */
public record EpisodeWatchDate(Show show, Episode episode, LocalDate watchedAt, int plays, String comment, String source) {
}
