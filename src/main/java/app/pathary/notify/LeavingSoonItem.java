package app.pathary.notify;

import java.time.LocalDate;

/** An item newly announced as leaving: its title, the day it leaves, why, and who requested it in Seerr (may be null). */
public record LeavingSoonItem(String title, LocalDate leavingOn, String reason, String requestedBy) {
}
