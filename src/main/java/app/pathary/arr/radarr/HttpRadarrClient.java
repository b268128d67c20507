package app.pathary.arr.radarr;

import static app.pathary.arr.ArrSharedEndpoints.withId;

import app.pathary.arr.ArrAnswer;
import app.pathary.arr.ArrCall;
import app.pathary.arr.ArrException;
import app.pathary.arr.ArrInstance;
import app.pathary.arr.ArrSharedEndpoints;
import app.pathary.arr.ArrTransport;
import app.pathary.arr.DiskSpace;
import app.pathary.arr.MediaManagement;
import app.pathary.arr.SystemStatus;
import app.pathary.arr.Tag;
import app.pathary.common.RemoteFailures;
import app.pathary.common.RetryPolicy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link RadarrClient} over {@code java.net.http}. It holds no instance and does no I/O until called. */
public final class HttpRadarrClient implements RadarrClient {

    static final String PRODUCT = "Radarr";

    private final ArrTransport transport;
    private final ArrSharedEndpoints shared;

    /** A client that sends every request once; see {@link #HttpRadarrClient(HttpClient, Duration, RetryPolicy)}. */
    public HttpRadarrClient(HttpClient http, Duration requestTimeout) {
        this(http, requestTimeout, RetryPolicy.ONCE);
    }

    /**
     * @param http           the HTTP client (its connect timeout applies to connecting)
     * @param requestTimeout the time allowed for a whole answer
     * @param reads          how reads that failed for a passing reason (5xx, dropped, timed out) are tried again;
     *                       writes are always sent once
     */
    public HttpRadarrClient(HttpClient http, Duration requestTimeout, RetryPolicy reads) {
        this(http, requestTimeout, reads, RemoteFailures.IGNORED);
    }

    /** As above, telling {@code failures} of each request that failed (for {@code /metrics}). */
    public HttpRadarrClient(HttpClient http, Duration requestTimeout, RetryPolicy reads, RemoteFailures failures) {
        this.transport = new ArrTransport(PRODUCT, http, requestTimeout, reads, failures);
        this.shared = new ArrSharedEndpoints(transport);
    }

    @Override
    public SystemStatus systemStatus(ArrInstance instance) {
        return shared.systemStatus(instance);
    }

    @Override
    public MediaManagement mediaManagement(ArrInstance instance) {
        return shared.mediaManagement(instance, "autoUnmonitorPreviouslyDownloadedMovies");
    }

    @Override
    public List<Tag> tags(ArrInstance instance) {
        return shared.tags(instance);
    }

    @Override
    public List<RadarrMovie> movies(ArrInstance instance) {
        ArrCall call = ArrCall.get("/api/v3/movie").param("excludeLocalCovers", true);
        return transport.list(instance, call, RadarrMovies::from);
    }

    @Override
    public Optional<RadarrMovie> movie(ArrInstance instance, int id) {
        try {
            return Optional.of(RadarrMovies.from(transport.send(instance, ArrCall.get(withId("/api/v3/movie", id))).object()));
        } catch (ArrException.NotFound e) {
            return gone(e, Optional.empty());
        }
    }

    @Override
    public boolean deleteMovie(ArrInstance instance, int id, boolean deleteFiles, boolean addImportExclusion) {
        ArrCall call = ArrCall.delete(withId("/api/v3/movie", id))
                .param("deleteFiles", deleteFiles).param("addImportExclusion", addImportExclusion);
        return deleted(instance, call);
    }

    @Override
    public boolean deleteMovieFile(ArrInstance instance, int movieFileId) {
        return deleted(instance, ArrCall.delete(withId("/api/v3/moviefile", movieFileId)));
    }

    @Override
    public RadarrMovie setMonitored(ArrInstance instance, int movieId, boolean monitored) {
        String route = withId("/api/v3/movie", movieId);
        ObjectNode movie = transport.send(instance, ArrCall.get(route)).object().copy();
        movie.put("monitored", monitored);
        ArrAnswer updated = transport.send(instance, ArrCall.put(route).body(transport.write(movie)));
        if (updated.isEmpty()) {
            updated = transport.send(instance, ArrCall.get(route));
        }
        return RadarrMovies.from(updated.object());
    }

    @Override
    public List<DiskSpace> diskSpace(ArrInstance instance) {
        return shared.diskSpace(instance);
    }

    @Override
    public List<app.pathary.arr.RootFolder> rootFolders(ArrInstance instance) {
        return shared.rootFolders(instance);
    }

    private boolean deleted(ArrInstance instance, ArrCall call) {
        try {
            transport.send(instance, call);
            return true;
        } catch (ArrException.NotFound e) {
            return gone(e, false);
        }
    }

    /** Radarr's own "does not exist" means gone; a 404 from anything else is rethrown. */
    private static <T> T gone(ArrException.NotFound e, T value) {
        if (e.answeredByArr()) {
            return value;
        }
        throw e;
    }
}
