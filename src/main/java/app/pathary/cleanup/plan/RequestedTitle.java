package app.pathary.cleanup.plan;

import java.time.Instant;

/** A title someone asked for in Seerr: {@code movie} or {@code tv}, its TMDb id, who asked and when. */
public record RequestedTitle(String mediaType, int tmdbId, String requestedBy, Instant requestedAt) {
}
