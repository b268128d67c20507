package app.pathary.history;

import java.util.List;

/** One page of a user's episode history, newest first unless asked otherwise. */
public record EpisodeHistoryPage(List<EpisodeWatchDate> entries, int currentPage, int maxPage, long total) {
}
