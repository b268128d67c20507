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
    private final PasswordReset reset;

    public AdminUserPages(Pages pages, Accounts accounts, PasswordReset reset) {
        this.pages = pages;
        this.accounts = accounts;
        this.reset = reset;
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
        routes.get("/admin/users/{id}/password", ctx -> renderReset(ctx, accounts.get(userId(ctx))), Role.ADMIN);
        routes.post("/admin/users/{id}/password", this::resetPassword, Role.ADMIN);
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

    private void renderReset(Context ctx, User user) {
        pages.render(ctx, "user/admin-password.jte", "Reset password", Map.of("user", user));
    }

    /** Bad input answers 400 with the form again and the reason; nothing changes. */
    private void resetPassword(Context ctx) {
        User user = accounts.get(userId(ctx));
        String next = ctx.formParam("newPassword");
        try {
            if (next == null || !next.equals(ctx.formParam("repeatPassword"))) {
                throw new InvalidInputException("The new password and its repetition (repeatPassword) differ.");
            }
            Flash.success(ctx, reset.reset(user.id(), next) + " Tell them the new password.");
            ctx.redirect("/admin/users");
        } catch (InvalidInputException e) {
            ctx.status(400);
            Flash.errorNow(ctx, e.getMessage());
            renderReset(ctx, user);
        }
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
