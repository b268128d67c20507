package app.pathary.user;

import app.pathary.common.ForbiddenException;
import app.pathary.common.InvalidInputException;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** The admin page of users: list, create, make or unmake admin, delete. (The access filter keeps /admin to admins.) */
final class AdminUserPages implements WebRoutes {
    private final Pages pages;
    private final Accounts accounts;

    public AdminUserPages(Pages pages, Accounts accounts) {
        this.pages = pages;
        this.accounts = accounts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/admin/users", ctx -> pages.render(ctx, "user/admin-users.jte", "Users", Map.of("users", accounts.all())), Role.ADMIN);
        routes.post("/admin/users", ctx -> {
            try {
                User created = accounts.create(ctx.formParam("email"), ctx.formParam("password"), ctx.formParam("name"),
                        "on".equals(ctx.formParam("admin")));
                Flash.success(ctx, "User " + created.name() + " was created.");
            } catch (InvalidInputException e) {
                Flash.error(ctx, e.getMessage());
            }
            ctx.redirect("/admin/users");
        }, Role.ADMIN);
        routes.post("/admin/users/{id}/admin", ctx -> change(ctx, id -> accounts.setAdmin(id, "true".equals(ctx.formParam("admin"))),
                "The admin flag was changed."), Role.ADMIN);
        routes.post("/admin/users/{id}/delete", ctx -> {
            long id = userId(ctx);
            if (id == Caller.require(ctx).id()) {
                Flash.error(ctx, "You cannot delete yourself here.");
                ctx.redirect("/admin/users");
                return;
            }
            change(ctx, accounts::delete, "The user and their history were deleted.");
        }, Role.ADMIN);
    }

    private void change(Context ctx, java.util.function.LongConsumer action, String done) {
        try {
            action.accept(userId(ctx));
            Flash.success(ctx, done);
        } catch (ForbiddenException | InvalidInputException e) {
            Flash.error(ctx, e.getMessage());
        }
        ctx.redirect("/admin/users");
    }

    private static long userId(Context ctx) {
        return PathIds.of(ctx, "id");
    }
}
