package app.pathary.show;

/**
 * An episode of a show. {@code endNumber} is the last episode of a multi-episode file (S01E01-E02 has number 1 and
 * end number 2); null for a single episode. Season 0 holds the specials.
 */
public record Episode(long id, long showId, int season, int number, Integer endNumber, String title) {
    /** "S02E03", or "S02E03–E04" for a multi-episode file. */
    public String code() {
        String code = "S%02dE%02d".formatted(season, number);
        return endNumber == null || endNumber == number ? code : code + "–E%02d".formatted(endNumber);
    }
}
