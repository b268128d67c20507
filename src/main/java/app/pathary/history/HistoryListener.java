package app.pathary.history;

import java.util.List;

/** Reacts to committed history changes (e.g. automatic sync to Jellyfin). Must not throw. */
@FunctionalInterface
public interface HistoryListener {
    void onChanges(List<HistoryChange> changes);
}
