package app.pathary.jellyfin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.testing.FakeJellyfin;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JellyfinLogLinesTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final FakeJellyfin jellyfin = FakeJellyfin.start();
    private final Logger logger = (Logger) LoggerFactory.getLogger("app.pathary.jellyfin");
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
        jellyfin.close();
    }

    @Test
    void logLinesNameTheRouteButNeverThePasswordOrTheToken() {
        jellyfin.addUser("alice", PASSWORD);
        HttpJellyfinClient client = JellyfinTestClients.client();
        JellyfinServer anonymous = JellyfinServer.anonymous(jellyfin.baseUrl());

        LoginResult login = client.authenticateByName(anonymous, "alice", PASSWORD);
        String token = ((LoginResult.Success) login).authentication().accessToken();
        JellyfinServer server = anonymous.withToken(token);
        client.systemInfo(server);
        client.logout(server);
        assertThatThrownBy(() -> client.systemInfo(server)).isInstanceOf(JellyfinException.Unauthorized.class);

        List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).anyMatch(m -> m.startsWith("POST /Users/AuthenticateByName -> 200"));
        assertThat(messages).anyMatch(m -> m.startsWith("GET /System/Info -> 401"));
        assertThat(messages).noneMatch(m -> m.contains(token) || m.contains(PASSWORD) || m.contains("Token="));
    }
}
