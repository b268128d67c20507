package app.pathary.cleanup.leaving;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A user's request to keep an item on the leaving-soon schedule and its decision: {@code pending}, {@code approved}
 * (kept until {@code keepUntil}, or forever when it is null) or {@code declined} (with the admin's {@code note}).
 */
public record KeepRequest(long id, String itemKey, String title, List<String> jellyfinIds, String requestedBy, String comment,
        Instant createdAt, String status, String decidedBy, Instant decidedAt, String note, LocalDate keepUntil) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String DECLINED = "declined";

    public KeepRequest {
        jellyfinIds = List.copyOf(jellyfinIds);
    }

    /** Holds the item now: waiting for an admin, or approved and not expired. */
    public boolean holds(LocalDate today) {
        return status.equals(PENDING) || status.equals(APPROVED) && (keepUntil == null || !keepUntil.isBefore(today));
    }

    /** The sentence a plan gives for an item this request keeps. */
    public String reason() {
        if (status.equals(PENDING)) {
            return "a keep request by " + requestedBy + " is waiting for an admin";
        }
        String until = keepUntil == null ? "for good" : "until " + keepUntil;
        return "kept at " + requestedBy + "'s request " + until + " (" + (decidedBy == null ? "granted automatically" : "approved by " + decidedBy) + ")";
    }

    /** What the requester sees. */
    public String decision() {
        return switch (status) {
            case PENDING -> "waiting for an admin";
            case APPROVED -> (decidedBy == null ? "granted automatically" : "approved by " + decidedBy) + ", kept "
                    + (keepUntil == null ? "for good" : "until " + keepUntil) + (note.isBlank() ? "" : ": " + note);
            default -> "declined by " + decidedBy + (note.isBlank() ? "" : ": " + note);
        };
    }
}
