package app.pathary.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.security.RouteRole;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A route that does not declare exactly one {@link Role} stops the server before it listens, naming the route. */
class RoleCheckTest {
    private enum ForeignRole implements RouteRole { SOMEONE }

    private static WebServer serverWith(WebRoutes routes) {
        return new WebServer(new ObjectMapper(), ctx -> { }, new ErrorMapping(new Pages()), new SimpleMeterRegistry(), List.of(routes),
                app.pathary.config.WebOptions.defaults());
    }

    @Test
    void a_route_without_a_role_stops_the_start() {
        WebServer server = serverWith(routes -> {
            routes.get("/guarded", ctx -> ctx.result("ok"), Role.USER);
            routes.post("/forgotten/{id}", ctx -> ctx.result("open?"));
        });

        assertThatThrownBy(() -> server.start("127.0.0.1", 0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Every route must declare exactly one Role (e.g. routes.get(path, handler, Role.USER)); "
                        + "these do not: POST /forgotten/{id}.");
    }

    @Test
    void two_roles_or_a_role_of_another_kind_stop_the_start_too() {
        WebServer server = serverWith(routes -> {
            routes.get("/both", ctx -> ctx.result("?"), Role.USER, Role.ADMIN);
            routes.delete("/foreign", ctx -> ctx.result("?"), ForeignRole.SOMEONE);
        });

        assertThatThrownBy(() -> server.start("127.0.0.1", 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("these do not: GET /both, DELETE /foreign.");
    }
}
