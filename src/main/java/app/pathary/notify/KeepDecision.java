package app.pathary.notify;

import java.time.LocalDate;

/**
 * An admin (or the automatic rule) decided a keep request: approved or declined, by whom, the note, and until when the
 * item is kept (null: forever, or declined).
 */
public record KeepDecision(String title, String requestedBy, boolean approved, String decidedBy, String note, LocalDate keptUntil) {
}
