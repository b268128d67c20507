package app.pathary.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** An HTTP client with a cookie jar that can fill in forms (CSRF included) and call the JSON API. */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String bearer;

    public WebClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public WebClient withBearer(String token) {
        this.bearer = token;
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> getWithHeaders(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Any method without a body, with extra headers (e.g. {@code X-CSRF-Token}): for tests that walk every route. */
    public HttpResponse<String> call(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        return send(builder);
    }

    public HttpResponse<String> json(String method, String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form; the CSRF token is taken from the page at {@code formPage} unless {@code _csrf} is given. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (!all.containsKey("_csrf")) {
            all.put("_csrf", csrfFrom(get(formPage).body()));
        }
        return post(action, all);
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return postWithHeaders(path, fields, Map.of());
    }

    /** Posts a form with extra headers (e.g. those a reverse proxy adds). */
    public HttpResponse<String> postWithHeaders(String path, Map<String, String> fields, Map<String, String> headers) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        headers.forEach(builder::header);
        return send(builder);
    }

    /** Posts a multipart form with one file field (e.g. a CSV upload); the CSRF token is taken from {@code formPage}. */
    public HttpResponse<String> upload(String formPage, String action, String field, String filename, String content) {
        String boundary = "pathary-test-" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfFrom(get(formPage).body())
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public static String csrfFrom(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("the page has no CSRF field");
        }
        return m.group(1);
    }

    /** Sets a cookie by hand (e.g. a session cookie taken from another client). */
    public WebClient withCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(baseUrl), cookie);
        return this;
    }

    public HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
    }

    /** Creates the first admin through the setup page and stays logged in as them. */
    public HttpResponse<String> setUpAdmin(String name, String email, String password) {
        return submit("/setup", "/setup", Map.of("name", name, "email", email, "password", password));
    }

    public HttpResponse<String> logIn(String login, String password) {
        return submit("/login", "/login", Map.of("login", login, "password", password));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
