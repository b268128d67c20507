package app.pathary.testing;

/** A user seeded into {@link FakeJellyfin}: its Jellyfin id (32 hex) and name. */
public record FakeUser(String id, String name) {
}
