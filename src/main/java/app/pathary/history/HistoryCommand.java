package app.pathary.history;

import app.pathary.common.InvalidInputException;
import java.time.LocalDate;

/** One change to a user's history. A date of null means "watched, date unknown". */
public sealed interface HistoryCommand {
    int MAX_PLAYS = 100_000;
    int MAX_COMMENT = 10_000;

    MovieRef movie();

    /** Adds plays to the date (creating it); a non-null comment replaces the date's comment. */
    record AddPlays(MovieRef movie, LocalDate date, int plays, String comment) implements HistoryCommand {
        public AddPlays {
            check(plays, comment);
        }
    }

    /** Sets the date's plays and comment to exactly these values (creating the date). */
    record SetDate(MovieRef movie, LocalDate date, int plays, String comment) implements HistoryCommand {
        public SetDate {
            check(plays, comment);
        }
    }

    /**
     * Merges a date from an import: a missing date is created; an existing one keeps the larger play count and
     * gets the comment only when it had none. Importing the same file twice therefore changes nothing.
     */
    record MergeDate(MovieRef movie, LocalDate date, int plays, String comment) implements HistoryCommand {
        public MergeDate {
            check(plays, comment);
        }
    }

    /** Removes one date of the movie (nothing happens when the date does not exist). */
    record DeleteDate(MovieRef movie, LocalDate date) implements HistoryCommand {
    }

    /** Removes every date of the movie. */
    record DeleteMovie(MovieRef movie) implements HistoryCommand {
    }

    /** Refuses plays outside 1..{@link #MAX_PLAYS} and comments over {@link #MAX_COMMENT} characters (400). */
    static void check(int plays, String comment) {
        if (plays < 1 || plays > MAX_PLAYS) {
            throw new InvalidInputException("plays must be a whole number from 1 to " + MAX_PLAYS + ".");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment must have at most " + MAX_COMMENT + " characters.");
        }
    }
}
