package app.pathary.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** One POST to a receiver; any 2xx is taken. Failures name the channel, never its address (it may hold a token). */
final class HttpPost {
    private final HttpClient http;
    private final Duration timeout;

    HttpPost(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    void post(Channel channel, URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SendFailure(channel.kind() + " channel " + channel.name() + " cannot be reached (" + e.getClass().getSimpleName() + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailure("the send to " + channel.name() + " was interrupted", true);
        } catch (IllegalArgumentException e) {
            throw new SendFailure(channel.kind() + " channel " + channel.name() + " has an address or header that cannot be sent", false);
        }
        int status = answer.statusCode();
        if (status < 200 || status > 299) {
            throw SendFailure.status(channel.kind() + " channel " + channel.name(), status);
        }
    }
}
