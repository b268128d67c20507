package app.pathary.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A real PostgreSQL for {@code bench/replicas-webhook.sh}: the embedded server of the test dependencies (PostgreSQL
 * binaries from Maven, as the tests use), with empty databases {@code bench_1 ... bench_N}. Prints {@code PORT <port>
 * PID <postmaster pid>} once it accepts connections, and stops the server when it gets SIGTERM.
 *
 * <p>Usage: {@code BenchPostgres <number of databases>}
 */
public final class BenchPostgres {
    private BenchPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int databases = Integer.parseInt(args[0]);
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (java.io.IOException ignored) {
                // exiting anyway
            }
        }));
        try (Connection connection = server.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
            for (int i = 1; i <= databases; i++) {
                sql.execute("CREATE DATABASE bench_" + i);
            }
            var folder = sql.executeQuery("SHOW data_directory");
            folder.next();
            String postmaster = java.nio.file.Files.readAllLines(java.nio.file.Path.of(folder.getString(1), "postmaster.pid")).getFirst();
            System.out.println("PORT " + server.getPort() + " PID " + postmaster.strip());
        }
        System.out.flush();
        Thread.currentThread().join();
    }
}
