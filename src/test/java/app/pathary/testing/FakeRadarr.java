package app.pathary.testing;

import java.util.List;

/**
 * A stateful Radarr (v6, API v3) that speaks real HTTP on 127.0.0.1 and a random port, with the
 * behaviour of reference §3.3, §3.7 and §3.8: 401 with an empty body for a bad key, camelCase JSON without
 * nulls or {@code id: 0}, 202 on PUT, 200 with an empty body on DELETE, 404
 * {@code {"message":"Movie with ID n does not exist",...}} on deletes of unknown ids, ProblemDetails 404 on
 * {@code GET /movie/{unknown}}, 409 on file deletes while the root folder is missing, 503 while starting.
 *
 * <p>Routes: {@code GET /api/v3/system/status}, {@code /config/mediamanagement}, {@code /tag},
 * {@code /diskspace}, {@code /movie} ({@code ?tmdbId=}), {@code /movie/{id}}; {@code PUT /movie/{id}};
 * {@code DELETE /movie/{id}}, {@code /moviefile/{id}}. Deletes take effect at once (real Radarr removes
 * folders asynchronously).
 */
public final class FakeRadarr extends FakeArr {

    private final FakeRadarrLibrary library;

    private FakeRadarr(FakeArrSettings settings, FakeArrRoutes routes, FakeRadarrLibrary library) {
        super(settings, routes);
        this.library = library;
    }

    public static FakeRadarr start() {
        return start("");
    }

    /** A Radarr under a URL base such as {@code /radarr}. */
    public static FakeRadarr start(String urlBase) {
        FakeArrSettings settings = new FakeArrSettings("Radarr", "6.0.4.10291", normaliseUrlBase(urlBase));
        FakeRadarrLibrary library = new FakeRadarrLibrary(settings);
        FakeArrRoutes routes = new FakeArrRoutes();
        FakeRadarrRoutes.register(routes, library);
        return new FakeRadarr(settings, routes, library);
    }

    /** A monitored movie without a file; {@code path} is its folder, e.g. {@code /movies/Free Guy (2021)}. */
    public FakeRadarrMovie addMovie(String title, int year, int tmdbId, String path) {
        synchronized (settings) {
            return library.add(title, year, tmdbId, path);
        }
    }

    /** The movie with this id, also after it was deleted ({@link FakeRadarrMovie#exists()} is then false). */
    public FakeRadarrMovie movie(int id) {
        synchronized (settings) {
            FakeRadarrMovie movie = library.everMovies.get(id);
            if (movie == null) {
                throw new IllegalArgumentException("no movie " + id + " was ever added");
            }
            return movie;
        }
    }

    /** Loses the movie without deleting anything, as a reset or restored database would (its files stay). */
    public void forget(int id) {
        synchronized (settings) {
            library.movies.remove(id);
        }
    }

    /** The movies Radarr still has. */
    public List<FakeRadarrMovie> movies() {
        synchronized (settings) {
            return List.copyOf(library.movies.values());
        }
    }

    /** TMDb ids added by {@code addImportExclusion=true}, in order. */
    public List<Integer> importExclusions() {
        synchronized (settings) {
            return List.copyOf(library.importExclusions);
        }
    }
}
