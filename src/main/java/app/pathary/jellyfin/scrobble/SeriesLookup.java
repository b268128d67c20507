package app.pathary.jellyfin.scrobble;

import app.pathary.common.InvalidInputException;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.dto.BaseItemDto;
import app.pathary.jellyfin.link.JellyfinLink;
import app.pathary.jellyfin.link.JellyfinLogin;
import app.pathary.show.NewShow;
import app.pathary.show.ShowIds;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which show an episode's {@code SeriesId} is. The webhook plugin sends an episode's own provider ids (an episode's
 * {@code Provider_tvdb} is the episode's TVDb id, not the series'), so the series' ids, name and year are read from
 * Jellyfin ({@code GET /Items/{SeriesId}?userId=}) with the user's login. Answers are kept per server and series for
 * an hour: a binge of one show costs one request.
 */
final class SeriesLookup {
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final long KEEP_MILLIS = 3_600_000;
    private final JellyfinClient client;
    private final JellyfinLogin login;
    private final java.time.Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    SeriesLookup(JellyfinClient client, JellyfinLogin login, java.time.Clock clock) {
        this.client = client;
        this.login = login;
        this.clock = clock;
    }

    private record Kept(NewShow show, long until) {
    }

    /** The show, or why it cannot be known: a sentence for the delivery log. */
    sealed interface Answer {
        record Found(NewShow show) implements Answer {
        }

        record Unknown(String reason) implements Answer {
        }
    }

    Answer find(JellyfinLink link, String seriesId, String seriesName) {
        String name = seriesName == null ? "this show" : seriesName;
        if (!link.authenticated() || link.loginInvalid() || link.jellyfinUserId() == null) {
            return new Answer.Unknown("The webhook names " + name + " only by its Jellyfin id; log in to Jellyfin on the Jellyfin "
                    + "settings page so Pathary can read the show's TVDb/TMDb/IMDb ids.");
        }
        String key = link.serverUrl() + "/" + Scrobbler.normalGuid(seriesId);
        Kept hit = kept.get(key);
        if (hit != null && hit.until() > clock.millis()) {
            return new Answer.Found(hit.show());
        }
        Optional<BaseItemDto> series;
        try {
            series = client.item(login.serverOf(link), link.jellyfinUserId(), seriesId);
        } catch (JellyfinException e) {
            return new Answer.Unknown("Jellyfin could not tell which show " + name + " is (" + e.userMessage()
                    + "); the play was not counted.");
        }
        if (series.isEmpty() || !"Series".equals(series.get().type())) {
            return new Answer.Unknown("Jellyfin does not know the series " + seriesId + " of " + name + " (for this user).");
        }
        BaseItemDto dto = series.get();
        ShowIds ids = idsOf(dto);
        if (ids.isEmpty()) {
            return new Answer.Unknown("Jellyfin has no TVDb, TMDb or IMDb id for " + name + "; identify the show in Jellyfin.");
        }
        String title = dto.name() != null && !dto.name().isBlank() ? dto.name() : name;
        Integer year = dto.productionYear() != null && dto.productionYear() >= 1900 && dto.productionYear() <= 2200
                ? dto.productionYear() : null;
        NewShow show = new NewShow(ids, title, year);
        kept.put(key, new Kept(show, clock.millis() + KEEP_MILLIS));
        return new Answer.Found(show);
    }

    /** The series' usable provider ids; a malformed one is left out rather than refusing the play. */
    static ShowIds idsOf(BaseItemDto series) {
        Integer tvdb = number(series.providerId("Tvdb"));
        Integer tmdb = number(series.providerId("Tmdb"));
        String imdb = series.providerId("Imdb").map(String::strip).filter(s -> s.matches("tt\\d{5,10}")).orElse(null);
        try {
            return new ShowIds(tvdb, tmdb, imdb);
        } catch (InvalidInputException e) {
            return new ShowIds(null, null, null);
        }
    }

    private static Integer number(Optional<String> id) {
        return id.map(String::strip).filter(s -> DIGITS.matcher(s).matches()).map(Integer::parseInt).filter(n -> n > 0).orElse(null);
    }
}
