package app.pathary.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Random;

/**
 * Seeds one user's episode history through the JSON API in batches: {@code count} episode watch dates over {@code shows}
 * shows (titles from {@link HistorySeed#WORDS} so that searches match a share of them), each episode watched on one
 * day, several episodes of a show on the same day (a binge), days spread over 20 years. Deterministic; JDK only.
 *
 * <p>Usage: {@code EpisodeSeed <baseUrl> <token> <userName> <count> <shows> <batchSize>}
 */
public final class EpisodeSeed {
    private static final LocalDate FIRST = LocalDate.of(2005, 1, 1);

    private EpisodeSeed() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String token = args[1];
        String user = args[2];
        int count = Integer.parseInt(args[3]);
        int shows = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        int perShow = (count + shows - 1) / shows;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(42);
        long started = System.nanoTime();
        LocalDate day = FIRST;
        for (int done = 0; done < count; done += batch) {
            StringBuilder body = new StringBuilder("[");
            for (int i = done; i < Math.min(count, done + batch); i++) {
                int show = 1 + (i / perShow);
                int nth = i % perShow;
                if (nth % 4 == 0) {
                    day = FIRST.plusDays(random.nextInt(20 * 365));
                }
                body.append(i == done ? "" : ",").append(item(show, 1 + nth / 10, 1 + nth % 10, day, random));
            }
            body.append(']');
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/users/" + user + "/history/episodes"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("seeding failed: " + response.statusCode() + " " + response.body());
            }
        }
        System.out.printf("seeded %d episode watch dates of %d shows in %.1f s%n", count, shows, (System.nanoTime() - started) / 1e9);
    }

    private static String item(int show, int season, int episode, LocalDate date, Random random) {
        String comment = random.nextInt(10) == 0 ? ",\"comment\":\"seen with friends\"" : "";
        return "{\"tvdbId\":" + show + ",\"title\":\"" + HistorySeed.title(show) + "\",\"year\":" + (1990 + show % 35)
                + ",\"season\":" + season + ",\"episode\":" + episode + ",\"watchedAt\":\"" + date + "\"" + comment + "}";
    }
}
