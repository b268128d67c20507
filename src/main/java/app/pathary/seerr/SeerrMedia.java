package app.pathary.seerr;

import java.util.List;

/** A title's {@code mediaInfo}: Seerr's own media id (what {@code DELETE /media/{id}} takes) and its requests. */
public record SeerrMedia(int id, int tmdbId, int status, List<SeerrRequest> requests) {
    public SeerrMedia {
        requests = List.copyOf(requests);
    }
}
