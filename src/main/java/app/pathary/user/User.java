package app.pathary.user;

/** A Pathary account. */
public record User(long id, String name, String email, boolean isAdmin) {
}
