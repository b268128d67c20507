package app.pathary.history;

/** A season of a show for one user: how many of its known episodes they watched (any date), and their plays. */
public record SeasonProgress(int season, int watched, int known, int plays) {
    /** Watched episodes in percent of the known ones, rounded down. */
    public int percent() {
        return known == 0 ? 0 : watched * 100 / known;
    }
}
