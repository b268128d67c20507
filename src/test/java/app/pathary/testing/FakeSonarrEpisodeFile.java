package app.pathary.testing;

import java.time.Instant;

/** An episode file in {@link FakeSonarr}; one file may hold several episodes (a multi-episode file). */
public final class FakeSonarrEpisodeFile {

    private final Object lock;
    final int id;
    final int seriesId;
    final int seasonNumber;
    final String path;
    final long size;
    final Instant dateAdded;
    boolean exists = true;

    FakeSonarrEpisodeFile(Object lock, int id, int seriesId, int seasonNumber, String path, long size,
                          Instant dateAdded) {
        this.lock = lock;
        this.id = id;
        this.seriesId = seriesId;
        this.seasonNumber = seasonNumber;
        this.path = path;
        this.size = size;
        this.dateAdded = dateAdded;
    }

    public int id() {
        return id;
    }

    public String path() {
        return path;
    }

    public long size() {
        return size;
    }

    public boolean exists() {
        synchronized (lock) {
            return exists;
        }
    }
}
