package app.pathary.history;

import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;

/**
 * Names the episode of an episode command: by Pathary id, or by its show (any provider id) with season and number,
 * creating the show and the episode when they are not known yet (filling what they lack, never overwriting).
 */
public sealed interface EpisodeRef {
    record ById(long episodeId) implements EpisodeRef {
    }

    record CreateIfMissing(NewShow show, NewEpisode episode) implements EpisodeRef {
    }

    /**
     * An episode of a show Pathary knows by one of these ids (404 otherwise). A write creates the episode when the show
     * does not have it yet; a delete does not.
     */
    record ByShowIds(ShowIds ids, NewEpisode episode) implements EpisodeRef {
    }
}
