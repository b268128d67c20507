package app.pathary.testing;

import app.pathary.arr.ArrInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@link FakeRadarr} and {@link FakeSonarr} share: the server, its API key, the switches of the
 * media management settings and failure modes, tags, disks, the log of deleted paths and the request log.
 */
public abstract sealed class FakeArr implements AutoCloseable permits FakeRadarr, FakeSonarr {

    final FakeArrSettings settings;
    private final FakeArrHttp http;

    FakeArr(FakeArrSettings settings, FakeArrRoutes routes) {
        this.settings = settings;
        FakeArrSharedRoutes.register(routes, settings);
        try {
            this.http = new FakeArrHttp(settings, routes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normaliseUrlBase(String urlBase) {
        return urlBase == null || urlBase.isBlank() || urlBase.equals("/") ? "" : "/" + urlBase.replaceAll("^/+|/+$", "");
    }

    /** {@code http://127.0.0.1:<port>} plus the URL base, if any. */
    public URI baseUrl() {
        return http.baseUrl();
    }

    public String apiKey() {
        return settings.apiKey;
    }

    /** This fake as Pathary would configure it. */
    public ArrInstance instance(String name) {
        return new ArrInstance(name, baseUrl(), apiKey());
    }

    /** A tag; labels are stored in lower case and an existing label returns its id. */
    public int addTag(String label) {
        synchronized (settings) {
            return settings.addTag(label);
        }
    }

    /** A filesystem for {@code /diskspace}; deletes under it free space unless a recycle bin is set. */
    public FakeDisk addDisk(String path, long freeSpace, long totalSpace) {
        return addDisk(new FakeDisk(path, freeSpace, totalSpace, true));
    }

    /** A disk this fake shares with others (the same filesystem mounted in two *arr), or a network mount ({@code listed} false). */
    public FakeDisk addDisk(FakeDisk disk) {
        synchronized (settings) {
            settings.disks.add(disk);
        }
        return disk;
    }

    /** A root folder (the parent folder of every added item is one already); e.g. {@code /movies}. */
    public void addRootFolder(String path) {
        synchronized (settings) {
            settings.rootFolders.add(path);
        }
    }

    /** The root folders {@code /rootfolder} lists. */
    public List<String> rootFolders() {
        synchronized (settings) {
            return List.copyOf(settings.rootFolders);
        }
    }

    /** While on, file deletes answer 409 (an unmounted share) and item deletes keep their folders. */
    public void setRootFolderMissing(boolean missing) {
        synchronized (settings) {
            settings.rootFolderMissing = missing;
        }
    }

    /** The recycle bin folder; empty (the default) means none. */
    public void setRecycleBin(String folder) {
        synchronized (settings) {
            settings.recycleBin = folder == null ? "" : folder;
        }
    }

    /** "Unmonitor Deleted Movies/Episodes": deleting a file unmonitors what it held. Off by default. */
    public void setUnmonitorDeleted(boolean on) {
        synchronized (settings) {
            settings.unmonitorDeleted = on;
        }
    }

    /** While on, every API request answers 503 "... is starting up". */
    public void setStartingUp(boolean startingUp) {
        settings.startingUp = startingUp;
    }

    /** The clock behind "now": dates added, and for Sonarr what has aired. */
    public void useClock(Clock clock) {
        synchronized (settings) {
            settings.clock = clock;
        }
    }

    /** Files and folders deleted through the API, in order (files of file deletes, folders of item deletes). */
    public List<String> deletedFiles() {
        synchronized (settings) {
            return List.copyOf(settings.deletedFiles);
        }
    }

    public List<FakeArrRequest> requests() {
        return List.copyOf(http.log);
    }

    /** Requests with this method whose path, after the URL base, equals {@code route} ignoring case. */
    public long requestCount(String method, String route) {
        String wanted = (settings.urlBase + route).toLowerCase(Locale.ROOT);
        return http.log.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().toLowerCase(Locale.ROOT).equals(wanted))
                .count();
    }

    public void clearRequests() {
        http.log.clear();
    }

    /** Delay added before every answer. */
    public void setLatency(Duration latency) {
        http.latency = latency;
    }

    /** The next {@code count} requests suffer {@code fault}, whatever their route. */
    /** The next request with {@code method} (e.g. DELETE) is neither carried out nor answered until the fake is closed. */
    public void holdNext(String method) {
        http.holdNext.set(method);
    }

    public void failNext(int count, FakeArrFault fault) {
        for (int i = 0; i < count; i++) {
            http.faults.add(fault);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
