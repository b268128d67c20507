package app.pathary.cleanup.instances;

import app.pathary.arr.ArrException;
import app.pathary.common.InvalidInputException;
import app.pathary.web.Flash;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Radarr/Sonarr instances and cleanup actions on {@code /settings/server/cleanup}: add, remove, test, save. */
public final class ArrSettingsPages implements WebRoutes {
    private static final String PATH = CleanupSettingsPages.PATH;
    private final ArrSettingsStore settings;
    private final InstanceCheck reader;

    public ArrSettingsPages(ArrSettingsStore settings, InstanceCheck reader) {
        this.settings = settings;
        this.reader = reader;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH + "/instances", ctx -> done(ctx, () -> {
            ArrKind kind = "sonarr".equals(ctx.formParam("kind")) ? ArrKind.SONARR : ArrKind.RADARR;
            var added = settings.add(kind, ctx.formParam("name"), ctx.formParam("url"), ctx.formParam("apiKey"),
                    ctx.formParam("pathMap"), ctx.formParam("keepTag"));
            return "Added " + added + ".";
        }), Role.ADMIN);
        routes.post(PATH + "/instances/{id}/delete", ctx -> done(ctx, () -> {
            settings.remove(PathIds.of(ctx, "id"));
            return "The instance was removed.";
        }), Role.ADMIN);
        routes.post(PATH + "/instances/test", ctx -> {
            String name = ctx.formParam("name");
            try {
                var config = settings.instances().stream().filter(i -> i.name().equals(name)).findFirst()
                        .orElseThrow(() -> new InvalidInputException("No instance named " + name + "."));
                var lines = reader.test(config);
                Flash.success(ctx, String.join(" ", lines));
            } catch (InvalidInputException e) {
                Flash.error(ctx, e.getMessage());
            } catch (ArrException e) {
                Flash.error(ctx, "Could not connect to " + name + ": " + e.userMessage() + ".");
            }
            ctx.redirect(PATH);
        }, Role.ADMIN);
        routes.post(PATH + "/actions", ctx -> done(ctx, () -> {
            Map<String, String> form = new HashMap<>();
            for (String name : ArrSettingsStore.ACTION_NAMES) {
                String value = ctx.formParam(name);
                if (value != null) {
                    form.put(name, value);
                } else if (!name.equals(ArrSettingsStore.MOVIE_ACTION)) {
                    form.put(name, "false");
                }
            }
            settings.saveActions(form);
            return "The cleanup actions were saved.";
        }), Role.ADMIN);
    }

    private static void done(Context ctx, java.util.function.Supplier<String> action) {
        try {
            Flash.success(ctx, action.get());
        } catch (InvalidInputException e) {
            Flash.error(ctx, e.getMessage());
        }
        ctx.redirect(PATH);
    }
}
