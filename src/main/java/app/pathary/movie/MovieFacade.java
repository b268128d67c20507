package app.pathary.movie;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** Movies, shared by every user: finding them, and storing them inside a caller's transaction. */
public final class MovieFacade {
    private final MovieQueries queries;
    private final MovieRepository repository;

    private MovieFacade(MovieQueries queries, MovieRepository repository) {
        this.queries = queries;
        this.repository = repository;
    }

    public static MovieFacade wire(Jdbi reads, Clock clock) {
        return new MovieFacade(new MovieQueries(reads), new MovieRepository(clock));
    }

    public MovieQueries queries() {
        return queries;
    }

    public MovieRepository repository() {
        return repository;
    }
}
