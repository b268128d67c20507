package app.pathary.notify;

import java.time.LocalDate;

/** A user asked to keep an item: what, who, the day it would leave, and their comment (may be empty). */
public record KeepRequest(String title, String requestedBy, LocalDate leavingOn, String comment) {
}
