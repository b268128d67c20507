package app.pathary.user;

import app.pathary.common.InvalidInputException;
import app.pathary.web.Caller;
import app.pathary.web.ClientAddress;
import app.pathary.web.JsonBody;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.SecurityHeaders;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code POST /api/auth/token} exchanges a name or email and a password for an API token; {@code GET} tells who the
 * caller is; {@code DELETE} revokes the presented token (or, with {@code ?id=}, one of the caller's tokens).
 */
final class AuthApi implements WebRoutes {
    private final Accounts accounts;
    private final ApiTokens tokens;

    public AuthApi(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/auth/token", this::create, Role.ANONYMOUS);
        routes.get("/api/auth/token", ctx -> ctx.json(Map.of("user", userJson(accounts.get(Caller.require(ctx).id())))), Role.USER);
        routes.delete("/api/auth/token", this::revoke, Role.USER);
    }

    private void create(Context ctx) {
        var body = JsonBody.object(JsonBody.parse(ctx.body()), "The body");
        String name = JsonBody.text(body, "name", "");
        String email = JsonBody.text(body, "email", "");
        String password = JsonBody.text(body, "password", "");
        String login = name != null ? name : email;
        if (login == null || login.isBlank()) {
            throw new InvalidInputException("Give \"name\" or \"email\".");
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("Give \"password\".");
        }
        User user = accounts.logIn(login, password, ClientAddress.of(ctx));
        String token = tokens.create(user.id(), JsonBody.text(body, "tokenName", ""));
        SecurityHeaders.noStore(ctx);
        ctx.json(Map.of("token", token, "user", userJson(user)));
    }

    private void revoke(Context ctx) {
        Caller caller = Caller.require(ctx);
        String id = ctx.queryParam("id");
        if (id != null) {
            tokens.revoke(caller.id(), PathIds.parse(id, "id"));
        } else if (Caller.byToken(ctx)) {
            tokens.revokeToken(ctx.header("Authorization").substring(7).strip());
        } else {
            throw new InvalidInputException("Give ?id=<token id> or call with the token to revoke as Bearer.");
        }
        ctx.status(204);
    }

    static Map<String, Object> userJson(User user) {
        return Map.of("id", user.id(), "name", user.name(), "isAdmin", user.isAdmin());
    }
}
