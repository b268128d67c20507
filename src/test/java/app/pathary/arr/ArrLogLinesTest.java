package app.pathary.arr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import app.pathary.arr.radarr.HttpRadarrClient;
import app.pathary.arr.sonarr.HttpSonarrClient;
import app.pathary.testing.FakeArrFault;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The API key never shows in a log line, an exception message or a toString, successes and failures alike. */
class ArrLogLinesTest {

    private final FakeRadarr radarr = FakeRadarr.start();
    private final FakeSonarr sonarr = FakeSonarr.start();
    private final Logger logger = (Logger) LoggerFactory.getLogger("app.pathary.arr");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Level previousLevel = logger.getLevel();

    {
        lines.start();
        logger.addAppender(lines);
        logger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(lines);
        logger.setLevel(previousLevel);
        radarr.close();
        sonarr.close();
    }

    @Test
    void logLinesAndMessagesNameTheRouteButNeverTheKey() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRadarrClient radarrClient = new HttpRadarrClient(http, Duration.ofSeconds(2));
        HttpSonarrClient sonarrClient = new HttpSonarrClient(http, Duration.ofSeconds(2));
        ArrInstance movies = radarr.instance("movies");
        ArrInstance shows = sonarr.instance("shows");
        List<String> texts = new ArrayList<>(List.of(movies.toString(), shows.toString()));

        radarrClient.movies(movies);
        radarrClient.deleteMovie(movies, 5, true, false);
        sonarrClient.series(shows);
        radarr.failNext(1, FakeArrFault.HANG);
        sonarr.failNext(1, FakeArrFault.SERVER_ERROR);
        for (Throwable failure : List.of(
                catchThrowable(() -> radarrClient.tags(movies)),
                catchThrowable(() -> sonarrClient.tags(shows)),
                catchThrowable(() -> radarrClient.systemStatus(new ArrInstance("x", radarr.baseUrl(), radarr.apiKey() + "x"))))) {
            texts.add(String.valueOf(failure));
            texts.add(((ArrException) failure).userMessage());
        }
        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        texts.addAll(messages);

        assertThat(messages).anyMatch(m -> m.startsWith("Radarr (movies) GET /api/v3/movie -> 200 in "));
        assertThat(messages).anyMatch(m -> m.startsWith("Radarr (movies) DELETE /api/v3/movie/5 -> 404"));
        assertThat(messages).anyMatch(m -> m.equals("Radarr (movies) GET /api/v3/tag failed: timed out"));
        assertThat(texts).noneMatch(t -> t.contains(radarr.apiKey()) || t.contains(sonarr.apiKey())
                || t.matches("(?is).*apikey=(?!\\*\\*\\*).*"));
    }
}
