package app.pathary.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A series in {@link FakeSonarr}. The fluent setters seed the live series; the getters show its state after
 * the code under test ran ({@link #exists()} turns false when it is deleted). Seasons appear with their
 * first episode (monitored) or through {@link #season}.
 */
public final class FakeSonarrSeries {

    private final Object lock;
    final int id;
    final String title;
    final int tvdbId;
    final int tmdbId;
    final String path;
    final String status;
    final Instant added;
    String imdbId;
    boolean monitored = true;
    List<Integer> tags = new ArrayList<>();
    Instant nextAiring;
    final Map<Integer, Boolean> seasons = new TreeMap<>();
    boolean exists = true;

    FakeSonarrSeries(Object lock, int id, String title, int tvdbId, int tmdbId, String path, String status,
                     Instant added) {
        this.lock = lock;
        this.id = id;
        this.title = title;
        this.tvdbId = tvdbId;
        this.tmdbId = tmdbId;
        this.path = path;
        this.status = status;
        this.added = added;
    }

    public FakeSonarrSeries imdb(String imdbId) {
        synchronized (lock) {
            this.imdbId = imdbId;
            return this;
        }
    }

    public FakeSonarrSeries tags(int... tagIds) {
        synchronized (lock) {
            this.tags = new ArrayList<>(Arrays.stream(tagIds).boxed().toList());
            return this;
        }
    }

    public FakeSonarrSeries monitored(boolean monitored) {
        synchronized (lock) {
            this.monitored = monitored;
            return this;
        }
    }

    /** Overrides the series' {@code nextAiring} (otherwise computed from the episodes). */
    public FakeSonarrSeries nextAiring(Instant nextAiring) {
        synchronized (lock) {
            this.nextAiring = nextAiring;
            return this;
        }
    }

    /** Declares a season, or changes its monitored flag (the episodes keep theirs). */
    public FakeSonarrSeries season(int seasonNumber, boolean monitored) {
        synchronized (lock) {
            seasons.put(seasonNumber, monitored);
            return this;
        }
    }

    public int id() {
        return id;
    }

    public String path() {
        return path;
    }

    public boolean exists() {
        synchronized (lock) {
            return exists;
        }
    }

    public boolean monitored() {
        synchronized (lock) {
            return monitored;
        }
    }

    public boolean seasonMonitored(int seasonNumber) {
        synchronized (lock) {
            return seasons.getOrDefault(seasonNumber, false);
        }
    }
}
