package app.pathary.bench;

import app.pathary.testing.FakeJellyfin;
import app.pathary.testing.FakeRadarr;
import app.pathary.testing.FakeSonarr;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Issue 15: the benchmark library ({@link BenchLibrary}) served by a fake Jellyfin, Radarr and Sonarr in a JVM of their
 * own, so that {@code ./pathary cleanup:plan} and {@code watched:report} run as a household runs them, in their own
 * process, measured alone. Writes the environment Pathary needs to the file named by the third argument, then serves
 * until killed; {@code GET /counts} on the control port (in that file) answers the requests each fake received since
 * the last call and forgets them. The library is frozen, so the fake cuts pages from one sorted answer per query
 * (its own cost is not what the benchmark measures). Run by bench/cleanup-cli.sh.
 */
public final class EmulatedServers {
    private EmulatedServers() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int movies = Integer.parseInt(args[0]);
        int episodes = Integer.parseInt(args[1]);
        Path envFile = Path.of(args[2]);
        FakeJellyfin jellyfin = FakeJellyfin.start();
        FakeRadarr radarr = FakeRadarr.start();
        FakeSonarr sonarr = FakeSonarr.start();
        BenchLibrary library = new BenchLibrary(jellyfin, radarr, sonarr, movies, episodes);
        // one 20 TB disk under both, 95 % full: plans read it; with CLEANUP_DISK_THRESHOLD set it is under pressure
        app.pathary.testing.FakeDisk disk = new app.pathary.testing.FakeDisk("/", 1_000_000_000_000L, 20_000_000_000_000L, true);
        radarr.addDisk(disk);
        sonarr.addDisk(disk);
        jellyfin.freeze();
        jellyfin.clearRequests();
        radarr.clearRequests();
        sonarr.clearRequests();
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/counts", exchange -> {
            String counts;
            synchronized (EmulatedServers.class) {
                long items = jellyfin.requestCount("GET", "/Items");
                counts = "jellyfin=" + jellyfin.requests().size() + " jellyfin_items=" + items + " radarr=" + radarr.requests().size()
                        + " sonarr=" + sonarr.requests().size() + "\n";
                jellyfin.clearRequests();
                radarr.clearRequests();
                sonarr.clearRequests();
            }
            byte[] body = counts.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        control.start();
        List<String> env = List.of(
                "JELLYFIN_URL=" + jellyfin.baseUrl(),
                "JELLYFIN_API_KEY=" + library.apiKey,
                "RADARR_URL=" + radarr.baseUrl(),
                "RADARR_API_KEY=" + radarr.apiKey(),
                "RADARR_PATH_MAP=/media/movies:/movies",
                "SONARR_URL=" + sonarr.baseUrl(),
                "SONARR_API_KEY=" + sonarr.apiKey(),
                "SONARR_PATH_MAP=/media/tv:/tv",
                "CONTROL_URL=http://127.0.0.1:" + control.getAddress().getPort());
        Path partial = Path.of(envFile + ".part");
        Files.write(partial, env);
        Files.move(partial, envFile);
        System.out.println("emulated library ready: " + movies + " movies, " + episodes + " episodes, 5 users");
        Thread.currentThread().join();
    }
}
