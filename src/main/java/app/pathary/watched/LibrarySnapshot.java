package app.pathary.watched;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One sweep of Jellyfin: every movie and episode with a file, each counted user's state of them, the series and
 * seasons each user marked favourite, and a local index (path → item, TMDb/TVDb id → items), because Jellyfin
 * cannot look items up by path or provider id.
 */
public final class LibrarySnapshot {
    private final Instant takenAt;
    private final List<String> users;
    private final Map<String, MediaItem> items = new LinkedHashMap<>();
    private final Map<String, Series> series = new HashMap<>();
    private final Map<String, Map<String, UserPlay>> plays = new HashMap<>();
    private final Map<String, Set<String>> favoriteFolders = new HashMap<>();
    private final Map<String, MediaItem> byPath = new HashMap<>();
    private final Map<Integer, List<MediaItem>> moviesByTmdb = new HashMap<>();
    private final Map<Integer, List<MediaItem>> episodesBySeriesTvdb = new HashMap<>();

    public LibrarySnapshot(Instant takenAt, List<String> users) {
        this.takenAt = takenAt;
        this.users = List.copyOf(users);
        users.forEach(user -> favoriteFolders.put(user, new java.util.HashSet<>()));
    }

    public void addSeries(Series value) {
        series.put(value.id(), value);
    }

    /** Adds an item (once; later calls with the same id keep the first) and indexes it. */
    public void addItem(MediaItem item) {
        if (items.putIfAbsent(item.id(), item) != null) {
            return;
        }
        if (item.path() != null) {
            byPath.put(item.path(), item);
        }
        if (item.kind() == MediaItem.Kind.MOVIE && item.tmdbId() != null) {
            moviesByTmdb.computeIfAbsent(item.tmdbId(), k -> new ArrayList<>()).add(item);
        }
    }

    public void setPlay(String user, String itemId, UserPlay play) {
        plays.computeIfAbsent(itemId, k -> new HashMap<>()).put(user, play);
    }

    public void addFavoriteFolder(String user, String folderId) {
        favoriteFolders.computeIfAbsent(user, k -> new java.util.HashSet<>()).add(folderId);
    }

    /** Indexes episodes by their series' TVDb id; call once every series and episode is in. */
    public void finish() {
        episodesBySeriesTvdb.clear();
        for (MediaItem item : items.values()) {
            Series owner = item.seriesId() == null ? null : series.get(item.seriesId());
            if (item.isEpisode() && owner != null && owner.tvdbId() != null) {
                episodesBySeriesTvdb.computeIfAbsent(owner.tvdbId(), k -> new ArrayList<>()).add(item);
            }
        }
    }

    public Instant takenAt() {
        return takenAt;
    }

    public List<String> users() {
        return users;
    }

    public Iterable<MediaItem> items() {
        return Collections.unmodifiableCollection(items.values());
    }

    public int itemCount() {
        return items.size();
    }

    public Optional<Series> series(String id) {
        return Optional.ofNullable(id == null ? null : series.get(id));
    }

    public UserPlay play(String user, String itemId) {
        Map<String, UserPlay> byUser = plays.get(itemId);
        UserPlay play = byUser == null ? null : byUser.get(user);
        return play == null ? UserPlay.NONE : play;
    }

    public boolean favoriteFolder(String user, String folderId) {
        return folderId != null && favoriteFolders.getOrDefault(user, Set.of()).contains(folderId);
    }

    /** Which Jellyfin item is this file? Answered from the sweep, without a request. */
    public Optional<MediaItem> byPath(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public List<MediaItem> moviesByTmdbId(int tmdbId) {
        return moviesByTmdb.getOrDefault(tmdbId, List.of());
    }

    public List<MediaItem> episodesBySeriesTvdbId(int tvdbId) {
        return episodesBySeriesTvdb.getOrDefault(tvdbId, List.of());
    }
}
