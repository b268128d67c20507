package app.pathary.web;

import io.javalin.Javalin;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Set;

/** Refuses a server with a route that does not declare exactly one {@link Role}: access is never left to a default. */
final class RoleCheck {
    private RoleCheck() {
    }

    static void requireOneRoleEach(Javalin server) {
        List<String> undeclared = server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod() && !declaresOneRole(endpoint))
                .map(endpoint -> endpoint.method + " " + endpoint.path)
                .toList();
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("Every route must declare exactly one Role (e.g. routes.get(path, handler, Role.USER)); "
                    + "these do not: " + String.join(", ", undeclared) + ".");
        }
    }

    private static boolean declaresOneRole(Endpoint endpoint) {
        Roles roles = endpoint.metadata(Roles.class);
        Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
        return declared.size() == 1 && declared.iterator().next() instanceof Role;
    }
}
