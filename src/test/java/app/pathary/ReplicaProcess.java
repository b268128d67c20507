package app.pathary;

import app.pathary.config.AppConfig;
import app.pathary.config.Environment;
import java.time.Duration;

/**
 * A Pathary replica in a process of its own, for {@link ReplicasTest}: {@code serve} as the real command builds it
 * (configuration from this process's environment), but on 127.0.0.1, a free port and the test's short job clocks, so
 * that a replica killed with SIGKILL gives up its job within a second. Prints {@code LISTENING <port>} once it serves;
 * runs until it is killed.
 */
public final class ReplicaProcess {
    private ReplicaProcess() {
    }

    public static void main(String[] args) throws Exception {
        AppConfig config = AppConfig.from(new Environment(System.getenv())).withHttpPort(0);
        App app = App.open(config, App.Overrides.none().withHttpHost("127.0.0.1")
                .withJellyfinTimings(Duration.ofSeconds(60), Duration.ofMillis(20)).withJobTimings(ReplicasTest.TIMINGS));
        app.startServer();
        System.out.println("LISTENING " + app.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
