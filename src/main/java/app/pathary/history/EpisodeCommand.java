package app.pathary.history;

import java.time.LocalDate;

/** One change to a user's episode history; the same rules as {@link HistoryCommand}. A null date means "date unknown". */
public sealed interface EpisodeCommand {
    EpisodeRef episode();

    /** Adds plays to the date (creating it); a non-null comment replaces the date's comment. */
    record AddPlays(EpisodeRef episode, LocalDate date, int plays, String comment) implements EpisodeCommand {
        public AddPlays {
            HistoryCommand.check(plays, comment);
        }
    }

    /** Sets the date's plays and comment to exactly these values (creating the date). */
    record SetDate(EpisodeRef episode, LocalDate date, int plays, String comment) implements EpisodeCommand {
        public SetDate {
            HistoryCommand.check(plays, comment);
        }
    }

    /** Creates a missing date; an existing one keeps the larger play count and gets the comment only when it had none. */
    record MergeDate(EpisodeRef episode, LocalDate date, int plays, String comment) implements EpisodeCommand {
        public MergeDate {
            HistoryCommand.check(plays, comment);
        }
    }

    /** Removes one date of the episode (nothing happens when the date does not exist). */
    record DeleteDate(EpisodeRef episode, LocalDate date) implements EpisodeCommand {
    }

    /** Removes every date of the episode. */
    record DeleteEpisode(EpisodeRef episode) implements EpisodeCommand {
    }
}
