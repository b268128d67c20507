package app.pathary.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Seeds one user's history through the JSON API, in batches as a client would: {@code count} watch dates over
 * {@code movies} movies (titles built from a small word list so that searches match a share of them), dates spread
 * over 25 years. Deterministic (fixed random seed). Uses only the JDK, so bench scripts compile it with plain javac.
 *
 * <p>Usage: {@code HistorySeed <baseUrl> <token> <userName> <count> <movies> <batchSize>}
 */
public final class HistorySeed {
    static final String[] WORDS = {"river", "night", "silent", "storm", "garden", "winter", "city", "ghost", "last",
        "summer", "iron", "glass", "shadow", "golden", "road", "island", "star", "paper", "wild", "secret"};
    private static final LocalDate FIRST = LocalDate.of(2001, 1, 1);

    private HistorySeed() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String token = args[1];
        String user = args[2];
        int count = Integer.parseInt(args[3]);
        int movies = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(42);
        Set<String> used = new HashSet<>();
        long started = System.nanoTime();
        for (int done = 0; done < count; done += batch) {
            StringBuilder body = new StringBuilder("[");
            for (int i = done; i < Math.min(count, done + batch); i++) {
                int movie = 1 + (i % movies);
                LocalDate date;
                do {
                    date = FIRST.plusDays(random.nextInt(25 * 365));
                } while (!used.add(movie + "/" + date));
                body.append(i == done ? "" : ",").append(item(movie, date, random));
            }
            body.append(']');
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/users/" + user + "/history/movies"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("seeding failed: " + response.statusCode() + " " + response.body());
            }
        }
        System.out.printf("seeded %d watch dates of %d movies in %.1f s%n", count, movies,
                (System.nanoTime() - started) / 1e9);
    }

    /** Movie n always gets the same title and year, so every item agrees with the movie created first. */
    static String title(int movie) {
        return "The " + cap(WORDS[movie % WORDS.length]) + " " + cap(WORDS[(movie / WORDS.length) % WORDS.length]) + " " + movie;
    }

    private static String item(int movie, LocalDate date, Random random) {
        String comment = random.nextInt(10) == 0 ? ",\"comment\":\"seen with friends\"" : "";
        return "{\"tmdbId\":" + movie + ",\"title\":\"" + title(movie) + "\",\"year\":" + (1950 + movie % 75)
                + ",\"watchedAt\":\"" + date + "\",\"plays\":" + (1 + random.nextInt(3)) + comment + "}";
    }

    private static String cap(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
