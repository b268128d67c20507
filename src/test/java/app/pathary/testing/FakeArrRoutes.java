package app.pathary.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The route table of a fake *arr: templates like {@code /api/v3/movie/{id}}, matched case-insensitively. */
final class FakeArrRoutes {

    interface Handler {
        void handle(FakeArrExchange exchange) throws IOException;
    }

    record Route(String method, Pattern pattern, Handler handler) {
    }

    record Match(Route route, List<String> pathValues) {
    }

    private final List<Route> routes = new ArrayList<>();

    FakeArrRoutes add(String method, String template, Handler handler) {
        String regex = "(?i)" + Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E([^/]+)\\\\Q") + "/?";
        routes.add(new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    /** The matching route; 405 when only the method differs, 404 (empty body) when nothing matches. */
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
        throw FakeArrError.empty(pathMatched ? 405 : 404);
    }
}
