package app.pathary.testing;

import java.time.Instant;

/** An episode in {@link FakeSonarr}: seed it with {@link #monitored}, inspect it after the code under test ran. */
public final class FakeSonarrEpisode {

    private final Object lock;
    final int id;
    final int seriesId;
    final int seasonNumber;
    final int episodeNumber;
    final Instant airDateUtc;
    boolean monitored = true;
    int episodeFileId;
    boolean exists = true;

    FakeSonarrEpisode(Object lock, int id, int seriesId, int seasonNumber, int episodeNumber, Instant airDateUtc) {
        this.lock = lock;
        this.id = id;
        this.seriesId = seriesId;
        this.seasonNumber = seasonNumber;
        this.episodeNumber = episodeNumber;
        this.airDateUtc = airDateUtc;
    }

    public FakeSonarrEpisode monitored(boolean monitored) {
        synchronized (lock) {
            this.monitored = monitored;
            return this;
        }
    }

    public int id() {
        return id;
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

    public boolean hasFile() {
        synchronized (lock) {
            return episodeFileId > 0;
        }
    }

    /** The file holding the episode, 0 when none. */
    public int episodeFileId() {
        synchronized (lock) {
            return episodeFileId;
        }
    }
}
