package app.pathary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.common.InvalidInputException;
import app.pathary.common.RemoteReadException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What a failed command prints on stderr: one sentence, never an exception's class name or a stack trace. */
class PatharyCommandSentenceTest {

    @Test
    void failuresWrittenForPeopleAreShownAsTheyAre() {
        assertThat(PatharyCommand.sentence(new RemoteReadException("Radarr radarr cannot be read: Radarr answered HTTP 500.",
                new IOException("cause")))).isEqualTo("Radarr radarr cannot be read: Radarr answered HTTP 500.");
        assertThat(PatharyCommand.sentence(new InvalidInputException("--now must be a date."))).isEqualTo("--now must be a date.");
    }

    @Test
    void anUnexpectedFailurePointsAtTheDebugLogAndKeepsAShortMessage() {
        assertThat(PatharyCommand.sentence(new IllegalStateException("Failed to bind to 0.0.0.0:8080")))
                .isEqualTo("The command failed unexpectedly (Failed to bind to 0.0.0.0:8080); run it again with LOG_LEVEL=DEBUG to see why.");
    }

    @Test
    void anUnexpectedFailureWithAMultiLineMessageIsNotQuoted() {
        String jackson = "Unexpected end-of-input: expected close marker for Array\n at [Source: REDACTED; line: 1, column: 20]";

        assertThat(PatharyCommand.sentence(new IllegalStateException(jackson)))
                .isEqualTo("The command failed unexpectedly; run it again with LOG_LEVEL=DEBUG to see why.");
        assertThat(PatharyCommand.sentence(new NullPointerException()))
                .isEqualTo("The command failed unexpectedly; run it again with LOG_LEVEL=DEBUG to see why.");
    }
}
