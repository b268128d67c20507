package app.pathary.db;

/** What the last write probe found: up, or down with the reason in words (e.g. "the disk is full ..."). */
public record DatabaseHealth(boolean up, String reason) {
    static final DatabaseHealth UP = new DatabaseHealth(true, null);

    static DatabaseHealth down(String reason) {
        return new DatabaseHealth(false, reason);
    }
}
