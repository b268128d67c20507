package app.pathary.cleanup.leaving;

/** One line of a user's leaving-soon page: the item, the days left, whether the user watched or marked it, their request. */
public record LeavingLine(LeavingItem item, long daysLeft, boolean yours, KeepRequest request) {
}
