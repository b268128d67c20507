package app.pathary.arr.sonarr;

import static app.pathary.arr.ArrSharedEndpoints.withId;

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
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SonarrClient} over {@code java.net.http}. It holds no instance and does no I/O until called. */
public final class HttpSonarrClient implements SonarrClient {

    static final String PRODUCT = "Sonarr";

    private final ArrTransport transport;
    private final ArrSharedEndpoints shared;

    /** A client that sends every request once; see {@link #HttpSonarrClient(HttpClient, Duration, RetryPolicy)}. */
    public HttpSonarrClient(HttpClient http, Duration requestTimeout) {
        this(http, requestTimeout, RetryPolicy.ONCE);
    }

    /**
     * @param http           the HTTP client (its connect timeout applies to connecting)
     * @param requestTimeout the time allowed for a whole answer
     * @param reads          how reads that failed for a passing reason (5xx, dropped, timed out) are tried again;
     *                       writes are always sent once
     */
    public HttpSonarrClient(HttpClient http, Duration requestTimeout, RetryPolicy reads) {
        this(http, requestTimeout, reads, RemoteFailures.IGNORED);
    }

    /** As above, telling {@code failures} of each request that failed (for {@code /metrics}). */
    public HttpSonarrClient(HttpClient http, Duration requestTimeout, RetryPolicy reads, RemoteFailures failures) {
        this.transport = new ArrTransport(PRODUCT, http, requestTimeout, reads, failures);
        this.shared = new ArrSharedEndpoints(transport);
    }

    @Override
    public SystemStatus systemStatus(ArrInstance instance) {
        return shared.systemStatus(instance);
    }

    @Override
    public MediaManagement mediaManagement(ArrInstance instance) {
        return shared.mediaManagement(instance, "autoUnmonitorPreviouslyDownloadedEpisodes");
    }

    @Override
    public List<Tag> tags(ArrInstance instance) {
        return shared.tags(instance);
    }

    @Override
    public List<DiskSpace> diskSpace(ArrInstance instance) {
        return shared.diskSpace(instance);
    }

    @Override
    public List<app.pathary.arr.RootFolder> rootFolders(ArrInstance instance) {
        return shared.rootFolders(instance);
    }

    @Override
    public List<SonarrSeries> series(ArrInstance instance) {
        return transport.list(instance, ArrCall.get("/api/v3/series"), SonarrResources::series);
    }

    @Override
    public Optional<SonarrSeries> series(ArrInstance instance, int id) {
        try {
            return Optional.of(SonarrResources.series(
                    transport.send(instance, ArrCall.get(withId("/api/v3/series", id))).object()));
        } catch (ArrException.NotFound e) {
            return gone(e, Optional.empty());
        }
    }

    @Override
    public List<SonarrEpisode> episodes(ArrInstance instance, int seriesId) {
        ArrCall call = ArrCall.get("/api/v3/episode").param("seriesId", positive(seriesId));
        return transport.list(instance, call, SonarrResources::episode);
    }

    @Override
    public List<EpisodeFile> episodeFiles(ArrInstance instance, int seriesId) {
        ArrCall call = ArrCall.get("/api/v3/episodefile").param("seriesId", positive(seriesId));
        try {
            return transport.list(instance, call, SonarrResources::episodeFile);
        } catch (ArrException.NotFound e) {
            return gone(e, List.of());
        }
    }

    @Override
    public boolean deleteEpisodeFile(ArrInstance instance, int episodeFileId) {
        try {
            transport.send(instance, ArrCall.delete(withId("/api/v3/episodefile", episodeFileId)));
            return true;
        } catch (ArrException.NotFound e) {
            return gone(e, false);
        }
    }

    @Override
    public void monitorEpisodes(ArrInstance instance, List<Integer> episodeIds, boolean monitored) {
        if (episodeIds.isEmpty()) {
            return;
        }
        episodeIds.forEach(HttpSonarrClient::positive);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("episodeIds", List.copyOf(episodeIds));
        body.put("monitored", monitored);
        transport.send(instance, ArrCall.put("/api/v3/episode/monitor").body(transport.write(body)));
    }

    @Override
    public boolean deleteSeries(ArrInstance instance, int id, boolean deleteFiles, boolean addImportListExclusion) {
        ArrCall call = ArrCall.delete(withId("/api/v3/series", id))
                .param("deleteFiles", deleteFiles).param("addImportListExclusion", addImportListExclusion);
        try {
            transport.send(instance, call);
            return true;
        } catch (ArrException.NotFound e) {
            return gone(e, false);
        } catch (ArrException.UnexpectedStatus e) {
            // Sonarr answers an unknown id with 500 "Expected query to return 1 rows but returned 0"
            if (e.status() == 500 && isGone(instance, id, e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean isGone(ArrInstance instance, int id, ArrException.UnexpectedStatus failure) {
        try {
            return series(instance, id).isEmpty();
        } catch (ArrException lookup) {
            failure.addSuppressed(lookup);
            return false;
        }
    }

    private static int positive(int id) {
        if (id <= 0) {
            throw new IllegalArgumentException("a Sonarr id is positive, got " + id);
        }
        return id;
    }

    /** Sonarr's own "does not exist" means gone; a 404 from anything else is rethrown. */
    private static <T> T gone(ArrException.NotFound e, T value) {
        if (e.answeredByArr()) {
            return value;
        }
        throw e;
    }
}
