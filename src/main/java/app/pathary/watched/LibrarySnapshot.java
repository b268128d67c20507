package app.pathary.watched;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One sweep of Jellyfin: every movie and episode with a file, each counted user's state of them, the series and
 * seasons each user marked favourite, and a local index (path → item, TMDb/TVDb id → items), because Jellyfin
 * cannot look items up by path or provider id.
 *
 * <p>Sized to the data (issue 15): items are held once, in sweep order, and numbered; a user's state of every item is
 * a packed row of {@link PlayTable} (played, favourite, last-played instant to the nanosecond) indexed by that number,
 * not an object per user and item. A play of an item the snapshot does not hold is not kept: nothing asks for it.
 */
public final class LibrarySnapshot {
    private final Instant takenAt;
    private final List<String> users;
    private final List<MediaItem> items = new ArrayList<>();
    private final Map<String, Integer> indexById = new HashMap<>();
    private final Map<String, Series> series = new HashMap<>();
    private final Map<String, PlayTable> plays = new HashMap<>();
    private final Map<String, Set<String>> favoriteFolders = new HashMap<>();
    private final Map<String, MediaItem> byPath = new HashMap<>();
    private final Map<Integer, List<MediaItem>> moviesByTmdb = new HashMap<>();
    private final Map<Integer, List<MediaItem>> episodesBySeriesTvdb = new HashMap<>();

    public LibrarySnapshot(Instant takenAt, List<String> users) {
        this.takenAt = takenAt;
        this.users = List.copyOf(users);
        users.forEach(user -> favoriteFolders.put(user, new HashSet<>()));
    }

    public void addSeries(Series value) {
        series.put(value.id(), value);
    }

    /** Adds an item (once; later calls with the same id keep the first) and indexes it. */
    public void addItem(MediaItem item) {
        if (indexById.putIfAbsent(item.id(), items.size()) != null) {
            return;
        }
        items.add(item);
        if (item.path() != null) {
            byPath.put(item.path(), item);
        }
        if (item.kind() == MediaItem.Kind.MOVIE && item.tmdbId() != null) {
            moviesByTmdb.computeIfAbsent(item.tmdbId(), k -> new ArrayList<>(1)).add(item);
        }
    }

    /** Whether the snapshot holds this item. */
    public boolean has(String itemId) {
        return indexById.containsKey(itemId);
    }

    /** Sets the user's whole state of an item the snapshot holds (anything else is not kept). */
    public void setPlay(String user, String itemId, UserPlay play) {
        Integer index = indexById.get(itemId);
        if (index != null) {
            table(user).set(index, play.played(), play.lastPlayed(), play.favorite());
        }
    }

    /** Marks an item the snapshot holds as played by the user, last on {@code lastPlayed} (may be unknown). */
    public void setPlayed(String user, String itemId, Instant lastPlayed) {
        Integer index = indexById.get(itemId);
        if (index != null) {
            PlayTable table = table(user);
            table.set(index, true, lastPlayed, table.favorite(index));
        }
    }

    /** Marks an item the snapshot holds as a favourite of the user. */
    public void setFavorite(String user, String itemId) {
        Integer index = indexById.get(itemId);
        if (index != null) {
            table(user).setFavorite(index);
        }
    }

    private PlayTable table(String user) {
        return plays.computeIfAbsent(user, k -> new PlayTable());
    }

    public void addFavoriteFolder(String user, String folderId) {
        favoriteFolders.computeIfAbsent(user, k -> new HashSet<>()).add(folderId);
    }

    /** Indexes episodes by their series' TVDb id; call once every series and episode is in. */
    public void finish() {
        episodesBySeriesTvdb.clear();
        for (MediaItem item : items) {
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
        return Collections.unmodifiableList(items);
    }

    public int itemCount() {
        return items.size();
    }

    public Optional<Series> series(String id) {
        return Optional.ofNullable(id == null ? null : series.get(id));
    }

    public UserPlay play(String user, String itemId) {
        PlayTable table = plays.get(user);
        Integer index = table == null ? null : indexById.get(itemId);
        return index == null ? UserPlay.NONE : table.get(index);
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
