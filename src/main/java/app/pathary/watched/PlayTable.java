package app.pathary.watched;

import java.time.Instant;
import java.util.Arrays;

/**
 * One user's state of every item of a {@link LibrarySnapshot}, one packed row per item number: the last-played
 * instant as epoch seconds (or {@link #NO_DATE}) and an int holding its nanoseconds (30 bits) with two flags,
 * played and favourite. 12 bytes per item instead of a map entry, a record and an {@link Instant}. Items never
 * touched read as {@link UserPlay#NONE}.
 */
final class PlayTable {
    private static final long NO_DATE = Long.MIN_VALUE;
    private static final int PLAYED = 1 << 30;
    private static final int FAVORITE = 1 << 31;
    private static final int NANOS = PLAYED - 1;
    private long[] seconds = new long[0];
    private int[] rows = new int[0];

    void set(int index, boolean played, Instant lastPlayed, boolean favorite) {
        grow(index);
        seconds[index] = lastPlayed == null ? NO_DATE : lastPlayed.getEpochSecond();
        rows[index] = (lastPlayed == null ? 0 : lastPlayed.getNano()) | (played ? PLAYED : 0) | (favorite ? FAVORITE : 0);
    }

    void setFavorite(int index) {
        grow(index);
        rows[index] |= FAVORITE;
    }

    boolean favorite(int index) {
        return index < rows.length && (rows[index] & FAVORITE) != 0;
    }

    UserPlay get(int index) {
        if (index >= rows.length) {
            return UserPlay.NONE;
        }
        int row = rows[index];
        boolean played = (row & PLAYED) != 0;
        boolean favorite = (row & FAVORITE) != 0;
        long second = seconds[index];
        if (!played && !favorite && second == NO_DATE) {
            return UserPlay.NONE;
        }
        return new UserPlay(played, second == NO_DATE ? null : Instant.ofEpochSecond(second, row & NANOS), favorite);
    }

    private void grow(int index) {
        if (index < rows.length) {
            return;
        }
        int size = Math.max(index + 1, Math.max(16, rows.length + (rows.length >> 1)));
        int old = rows.length;
        seconds = Arrays.copyOf(seconds, size);
        rows = Arrays.copyOf(rows, size);
        Arrays.fill(seconds, old, size, NO_DATE);
    }
}
