package app.pathary.cleanup.leaving;

import java.time.LocalDate;
import java.util.List;

/**
 * One item on the leaving-soon schedule: a movie or a season (or special) a plan found eligible, the day it was first
 * seen eligible and the day it leaves. {@code state} is {@code leaving} while announced, {@code kept} once it stopped
 * being eligible ({@code outcome} says why), {@code deleted} once a run removed it.
 */
public record LeavingItem(String key, String kind, String title, String instance, List<String> jellyfinIds, long bytes, String reasons,
        LocalDate firstSeen, LocalDate leavesOn, String state, String outcome) {
    public static final String LEAVING = "leaving";
    public static final String KEPT = "kept";
    public static final String DELETED = "deleted";

    public LeavingItem {
        jellyfinIds = List.copyOf(jellyfinIds);
    }

    public boolean leaving() {
        return state.equals(LEAVING);
    }

    /** Days from {@code today} until it leaves (0 when due). */
    public long daysLeft(LocalDate today) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(today, leavesOn));
    }
}
