package app.pathary.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A movie in {@link FakeRadarr}. The fluent setters seed the live movie; the getters show its state after
 * the code under test ran ({@link #exists()} turns false when it is deleted).
 */
public final class FakeRadarrMovie {

    private final Object lock;
    private final IntSupplier nextFileId;
    final int id;
    final String title;
    final int year;
    final int tmdbId;
    final String path;
    final Instant added;
    String imdbId;
    boolean monitored = true;
    List<Integer> tags = new ArrayList<>();
    int fileId;
    String filePath;
    long fileSize;
    Instant fileAdded;
    boolean exists = true;

    FakeRadarrMovie(Object lock, IntSupplier nextFileId, int id, String title, int year, int tmdbId, String path,
                    Instant added) {
        this.lock = lock;
        this.nextFileId = nextFileId;
        this.id = id;
        this.title = title;
        this.year = year;
        this.tmdbId = tmdbId;
        this.path = path;
        this.added = added;
    }

    public FakeRadarrMovie imdb(String imdbId) {
        synchronized (lock) {
            this.imdbId = imdbId;
            return this;
        }
    }

    /** Gives the movie a file (replacing any) with a new file id; {@code path} is absolute. */
    public FakeRadarrMovie file(String path, long size) {
        synchronized (lock) {
            this.fileId = nextFileId.getAsInt();
            this.filePath = path;
            this.fileSize = size;
            this.fileAdded = added;
            return this;
        }
    }

    public FakeRadarrMovie tags(int... tagIds) {
        synchronized (lock) {
            this.tags = new ArrayList<>(Arrays.stream(tagIds).boxed().toList());
            return this;
        }
    }

    public FakeRadarrMovie monitored(boolean monitored) {
        synchronized (lock) {
            this.monitored = monitored;
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

    public boolean hasFile() {
        synchronized (lock) {
            return fileId > 0;
        }
    }

    /** The file's id, 0 when none. */
    public int fileId() {
        synchronized (lock) {
            return fileId;
        }
    }

    public String filePath() {
        synchronized (lock) {
            return filePath;
        }
    }

    public List<Integer> tags() {
        synchronized (lock) {
            return List.copyOf(tags);
        }
    }

    /** The path relative to the movie folder, as Radarr stores it. */
    String relativePath() {
        String folder = path.replaceAll("/+$", "") + "/";
        return filePath.startsWith(folder) ? filePath.substring(folder.length())
                : filePath.substring(filePath.lastIndexOf('/') + 1);
    }
}
