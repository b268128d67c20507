package app.pathary.jellyfin.link;

import app.pathary.common.InvalidInputException;
import app.pathary.web.Caller;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.Role;
import app.pathary.web.SecurityHeaders;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** {@code /settings/integrations/jellyfin}: the webhook URL, scrobbling, the server and the login, recent deliveries. */
public final class JellyfinSettingsPages implements WebRoutes {
    public static final String PATH = "/settings/integrations/jellyfin";
    private final Pages pages;
    private final JellyfinLinkRepository links;
    private final WebhookUrls webhooks;
    private final JellyfinLogin login;
    private final RecentDeliveries deliveries;
    private final DeviceSummary device;
    private final JellyfinUserChoice choice;

    /** The device id shown on the page, and whether the environment fixed it. */
    public record DeviceSummary(String deviceId, boolean fromEnvironment) {
    }

    /** What the household shares: Pathary's device id, and the admin's Jellyfin (default address, users to choose from). */
    public record Household(DeviceSummary device, JellyfinUserChoice choice) {
    }

    public JellyfinSettingsPages(Pages pages, JellyfinLinkRepository links, WebhookUrls webhooks, JellyfinLogin login,
            RecentDeliveries deliveries, Household household) {
        this.pages = pages;
        this.links = links;
        this.webhooks = webhooks;
        this.login = login;
        this.deliveries = deliveries;
        this.device = household.device();
        this.choice = household.choice();
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::show, Role.USER);
        routes.post(PATH + "/webhook", ctx -> done(ctx, () -> {
            boolean hadOne = links.of(me(ctx)).webhookId() != null;
            webhooks.regenerate(me(ctx));
            return hadOne ? "A new webhook URL was made; the old one no longer works. Put the new one into Jellyfin."
                    : "Your webhook URL was made. Put it into Jellyfin's Webhook plugin as described below.";
        }), Role.USER);
        routes.post(PATH + "/user", this::chooseUser, Role.USER);
        routes.post(PATH + "/webhook/delete", ctx -> done(ctx, () -> {
            webhooks.delete(me(ctx));
            return "The webhook URL was deleted.";
        }), Role.USER);
        routes.post(PATH + "/scrobble", ctx -> done(ctx, () -> {
            boolean on = "true".equals(ctx.formParam("enabled"));
            links.setScrobbling(me(ctx), on);
            return on ? "Completed watches are now scrobbled." : "Scrobbling is off; deliveries are ignored.";
        }), Role.USER);
        routes.post(PATH + "/marks", ctx -> done(ctx, () -> {
            boolean on = "true".equals(ctx.formParam("enabled"));
            links.setAcceptMarks(me(ctx), on);
            return on ? "Movies you mark played by hand in Jellyfin are now counted, on the day you mark them."
                    : "Marks made by hand in Jellyfin are no longer counted.";
        }), Role.USER);
        routes.post(PATH + "/server", ctx -> done(ctx, () -> "Saved the server " + login.saveServerUrl(me(ctx), ctx.formParam("serverUrl")) + "."),
                Role.USER);
        routes.post(PATH + "/test", ctx -> {
            String typed = ctx.formParam("serverUrl") == null ? "" : ctx.formParam("serverUrl").strip();
            try {
                var result = login.test(me(ctx), typed);
                if (result.problem() == null) {
                    // A working address is kept at once when no login depends on the saved one, so the login fields show.
                    JellyfinLink link = links.of(me(ctx));
                    if (!typed.isEmpty() && !link.authenticated()) {
                        login.saveServerUrl(me(ctx), typed);
                        Flash.success(ctx, result.sentence() + " The address was saved; log in below.");
                        ctx.redirect(PATH);
                        return;
                    }
                    Flash.success(ctx, result.sentence());
                } else {
                    Flash.error(ctx, result.sentence());
                }
            } catch (InvalidInputException e) {
                Flash.error(ctx, e.getMessage());
            }
            // Keep what was tested in the field: it is not saved until "Save".
            ctx.redirect(typed.isEmpty() ? PATH : PATH + "?serverUrl=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
        }, Role.USER);
        routes.post(PATH + "/login", ctx -> done(ctx, () -> {
            String server = ctx.formParam("serverUrl");
            if (links.of(me(ctx)).serverUrl() == null && server != null && !server.isBlank()) {
                login.saveServerUrl(me(ctx), server); // the admin's address, shown as the default
            }
            return "Authenticated as " + login.logIn(me(ctx), ctx.formParam("username"), ctx.formParam("password")) + ".";
        }), Role.USER);
        routes.post(PATH + "/logout", ctx -> {
            var warning = login.logOut(me(ctx));
            if (warning.isPresent()) {
                Flash.error(ctx, warning.get());
            } else {
                Flash.success(ctx, "The Jellyfin login was removed and its token revoked on the server.");
            }
            ctx.redirect(PATH);
        }, Role.USER);
    }

    private void show(Context ctx) {
        long userId = me(ctx);
        JellyfinLink link = links.of(userId);
        Map<String, Object> model = new HashMap<>();
        model.put("link", link);
        model.put("webhookUrl", link.webhookId() == null ? "" : webhooks.url(link.webhookId(), ctx));
        model.put("hasApplicationUrl", webhooks.hasApplicationUrl());
        model.put("deliveries", deliveries.latest(userId, 20));
        model.put("device", device);
        String tested = ctx.queryParam("serverUrl");
        model.put("serverUrl", tested != null && !tested.isBlank() ? tested
                : link.serverUrl() != null ? link.serverUrl() : choice.defaultServerUrl().orElse(""));
        model.put("offer", link.authenticated() ? new JellyfinUserChoice.Offer(null, java.util.List.of(), null) : choice.offer());
        if (link.webhookId() != null) {
            SecurityHeaders.noStore(ctx); // the webhook URL is a secret: whoever has it can add plays
        }
        pages.render(ctx, "jellyfin/link/settings.jte", "Jellyfin", model);
    }

    private void chooseUser(Context ctx) {
        try {
            Flash.success(ctx, choice.choose(me(ctx), ctx.formParam("jellyfinUserId")));
        } catch (InvalidInputException e) {
            ctx.status(400);
            Flash.errorNow(ctx, e.getMessage());
            show(ctx);
            return;
        }
        ctx.redirect(PATH);
    }

    private static void done(Context ctx, java.util.function.Supplier<String> action) {
        try {
            Flash.success(ctx, action.get());
        } catch (InvalidInputException e) {
            Flash.error(ctx, e.getMessage());
        }
        ctx.redirect(PATH);
    }

    private static long me(Context ctx) {
        return Caller.require(ctx).id();
    }
}
