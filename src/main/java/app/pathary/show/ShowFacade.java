package app.pathary.show;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/** TV shows and their episodes, shared by every user: finding them, and storing them inside a caller's transaction. */
public final class ShowFacade {
    private final ShowQueries queries;
    private final ShowRepository repository;

    private ShowFacade(ShowQueries queries, ShowRepository repository) {
        this.queries = queries;
        this.repository = repository;
    }

    public static ShowFacade wire(Jdbi reads, Clock clock) {
        return new ShowFacade(new ShowQueries(reads), new ShowRepository(clock));
    }

    public ShowQueries queries() {
        return queries;
    }

    public ShowRepository repository() {
        return repository;
    }
}
