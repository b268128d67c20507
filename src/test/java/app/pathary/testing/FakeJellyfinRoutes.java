package app.pathary.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The route table of {@link FakeJellyfin}: templates like {@code /Items/{itemId}}, matched case-insensitively. */
final class FakeJellyfinRoutes {

    /** Handles one matched request; {@code pathValues} are the template's {@code {...}} parts in order. */
    interface Handler {
        void handle(FakeJellyfinExchange exchange, List<String> pathValues) throws IOException;
    }

    record Route(String method, Pattern pattern, boolean anonymous, Handler handler) {
    }

    record Match(Route route, List<String> pathValues) {
    }

    private final List<Route> routes = new ArrayList<>();

    FakeJellyfinRoutes add(String method, String template, Handler handler) {
        return add(method, template, false, handler);
    }

    FakeJellyfinRoutes anonymous(String method, String template, Handler handler) {
        return add(method, template, true, handler);
    }

    private FakeJellyfinRoutes add(String method, String template, boolean anonymous, Handler handler) {
        String regex = "(?i)" + Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E([^/]+)\\\\Q") + "/?";
        routes.add(new Route(method, Pattern.compile(regex), anonymous, handler));
        return this;
    }

    /** The matching route; 405 when only the method differs, 404 when nothing matches. */
    Match find(String method, String path) {
        boolean pathMatched = false;
        for (Route route : routes) {
            Matcher matcher = route.pattern().matcher(path);
            if (matcher.matches()) {
                pathMatched = true;
                if (route.method().equalsIgnoreCase(method)) {
                    List<String> values = new ArrayList<>();
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        values.add(matcher.group(group));
                    }
                    return new Match(route, values);
                }
            }
        }
        throw new FakeHttpError(pathMatched ? 405 : 404, pathMatched ? "Method Not Allowed" : "Not Found");
    }
}
