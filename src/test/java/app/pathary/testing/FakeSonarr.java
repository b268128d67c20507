package app.pathary.testing;

import java.time.Instant;
import java.util.List;

/**
 * A stateful Sonarr (v4, API v3) that speaks real HTTP on 127.0.0.1 and a random port, with the behaviour
 * of reference §3.3, §3.7 and §3.8: 401 with an empty body for a bad key, camelCase JSON without nulls or
 * {@code id: 0}, 202 on PUT, 200 with an empty body on DELETE, 404 {@code {"message":"EpisodeFile with ID n
 * does not exist",...}} on deletes of unknown files, 500 {@code "Expected query to return 1 rows but returned
 * 0"} on {@code DELETE /series/{unknown}}, ProblemDetails 404 on {@code GET /series/{unknown}}, 400 when
 * {@code /episode} or {@code /episodefile} lack a selector, 409 on file deletes while the root folder is
 * missing, 503 while starting.
 *
 * <p>Routes: {@code GET /api/v3/system/status}, {@code /config/mediamanagement}, {@code /tag},
 * {@code /diskspace}, {@code /series} ({@code ?tvdbId=}), {@code /series/{id}}, {@code /episode},
 * {@code /episodefile}; {@code PUT /episode/monitor}; {@code DELETE /series/{id}}, {@code /episodefile/{id}}.
 * Season statistics are computed from the state at the fake's clock, as Sonarr's SQL does.
 */
public final class FakeSonarr extends FakeArr {

    private final FakeSonarrLibrary library;

    private FakeSonarr(FakeArrSettings settings, FakeArrRoutes routes, FakeSonarrLibrary library) {
        super(settings, routes);
        this.library = library;
    }

    public static FakeSonarr start() {
        return start("");
    }

    /** A Sonarr under a URL base such as {@code /sonarr}. */
    public static FakeSonarr start(String urlBase) {
        FakeArrSettings settings = new FakeArrSettings("Sonarr", "4.0.19.2979", normaliseUrlBase(urlBase));
        FakeSonarrLibrary library = new FakeSonarrLibrary(settings);
        FakeArrRoutes routes = new FakeArrRoutes();
        FakeSonarrRoutes.register(routes, library);
        return new FakeSonarr(settings, routes, library);
    }

    /**
     * A monitored series; {@code path} is its folder, {@code status} one of continuing, ended, upcoming,
     * deleted; 0 for an unknown tvdb or tmdb id.
     */
    public FakeSonarrSeries addSeries(String title, int tvdbId, int tmdbId, String path, String status) {
        synchronized (settings) {
            return library.addSeries(title, tvdbId, tmdbId, path, status);
        }
    }

    /** A monitored episode without a file; {@code airDateUtc} may be {@code null} (not yet announced). */
    public FakeSonarrEpisode addEpisode(FakeSonarrSeries series, int season, int number, Instant airDateUtc) {
        synchronized (settings) {
            return library.addEpisode(series, season, number, airDateUtc);
        }
    }

    /** A file holding these episodes (more than one makes a multi-episode file); {@code path} is absolute. */
    public FakeSonarrEpisodeFile addEpisodeFile(FakeSonarrSeries series, int season, String path, long size,
                                                FakeSonarrEpisode... episodes) {
        synchronized (settings) {
            return library.addFile(series, season, path, size, episodes);
        }
    }

    /** The series with this id, also after it was deleted. */
    public FakeSonarrSeries series(int id) {
        synchronized (settings) {
            return known(library.everSeries.get(id), "series", id);
        }
    }

    public FakeSonarrEpisode episode(int id) {
        synchronized (settings) {
            return known(library.everEpisodes.get(id), "episode", id);
        }
    }

    public FakeSonarrEpisodeFile episodeFile(int id) {
        synchronized (settings) {
            return known(library.everFiles.get(id), "episode file", id);
        }
    }

    /** TVDb ids added by {@code addImportListExclusion=true}, in order. */
    public List<Integer> importListExclusions() {
        synchronized (settings) {
            return List.copyOf(library.importListExclusions);
        }
    }

    private static <T> T known(T value, String what, int id) {
        if (value == null) {
            throw new IllegalArgumentException("no " + what + " " + id + " was ever added");
        }
        return value;
    }
}
