package app.pathary.history;

import app.pathary.show.NewEpisode;
import app.pathary.show.NewShow;

/**
 * Names the episode of an episode command: by Pathary id, or by its show (any provider id) with season and number,
 * creating the show and the episode when they are not known yet (filling what they lack, never overwriting).
 */
public sealed interface EpisodeRef {
    record ById(long episodeId) implements EpisodeRef {
    }

    record CreateIfMissing(NewShow show, NewEpisode episode) implements EpisodeRef {
    }
}
