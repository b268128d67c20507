package app.pathary.history;

import java.util.List;

/** One page of a user's history, newest first unless asked otherwise. */
public record HistoryPage(List<WatchDate> entries, int currentPage, int maxPage, long total) {
}
