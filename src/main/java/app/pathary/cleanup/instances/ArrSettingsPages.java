package app.pathary.cleanup.instances;

import app.pathary.arr.ArrException;
import app.pathary.common.InvalidInputException;
import app.pathary.web.Flash;
import app.pathary.web.Pages;
import app.pathary.web.PathIds;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Radarr/Sonarr instances and cleanup actions on {@code /settings/server/cleanup}: add and edit (each saved only once
 * the instance answers with the key: a wrong key is refused with the reason, 400, nothing stored), remove (after a
 * confirmation page), test, save actions.
 */
public final class ArrSettingsPages implements WebRoutes {
    private static final String PATH = CleanupSettingsPages.PATH;
    private final Pages pages;
    private final ArrSettingsStore settings;
    private final InstanceCheck reader;

    public ArrSettingsPages(Pages pages, ArrSettingsStore settings, InstanceCheck reader) {
        this.pages = pages;
        this.settings = settings;
        this.reader = reader;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH + "/instances", ctx -> {
            ArrKind kind = "sonarr".equals(ctx.formParam("kind")) ? ArrKind.SONARR : ArrKind.RADARR;
            var form = form(ctx, kind);
            java.util.List<String> lines = new java.util.ArrayList<>();
            save(ctx, null, form, () -> {
                var added = settings.add(form, candidate -> lines.addAll(answers(candidate)));
                return "Added " + added + ". " + String.join(" ", lines);
            });
        }, Role.ADMIN);
        // before the {id} routes: Javalin takes the first path that matches, and "test" would be read as an id
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
        routes.get(PATH + "/instances/{id}", ctx -> {
            var instance = settings.find(PathIds.of(ctx, "id"));
            renderForm(ctx, instance.id(), new ArrSettingsStore.InstanceForm(instance.kind(), instance.name(), instance.url().toString(), "",
                    instance.mapping().pairs().stream().map(p -> p.jellyfinPrefix() + ":" + p.arrPrefix())
                            .collect(java.util.stream.Collectors.joining(",")), instance.keepTag()));
        }, Role.ADMIN);
        routes.post(PATH + "/instances/{id}", ctx -> {
            long id = PathIds.of(ctx, "id");
            var form = form(ctx, settings.find(id).kind());
            java.util.List<String> lines = new java.util.ArrayList<>();
            save(ctx, id, form, () -> {
                var saved = settings.update(id, form, candidate -> lines.addAll(answers(candidate)));
                return "Saved " + saved + ". " + String.join(" ", lines);
            });
        }, Role.ADMIN);
        routes.get(PATH + "/instances/{id}/remove", ctx -> pages.render(ctx, "cleanup/instances/instance-remove.jte",
                "Remove an instance", Map.of("instance", settings.find(PathIds.of(ctx, "id")))), Role.ADMIN);
        routes.post(PATH + "/instances/{id}/delete", ctx -> done(ctx, () -> {
            var instance = settings.find(PathIds.of(ctx, "id"));
            settings.remove(instance.id());
            return "Removed " + instance.name() + " from Pathary; nothing in " + instance.kind().appName() + " was changed.";
        }), Role.ADMIN);
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

    /** The check before a save: the instance answers as the right app with this key, else the save is refused. */
    private java.util.List<String> answers(ArrInstanceConfig candidate) {
        try {
            return reader.test(candidate);
        } catch (ArrException e) {
            throw new InvalidInputException("Nothing was saved: " + candidate.name() + " at " + candidate.url() + " did not accept the "
                    + "connection: " + e.userMessage() + ". Check the URL and the API key (apiKey; Settings → General in "
                    + candidate.kind().appName() + ").");
        }
    }

    private void save(Context ctx, Long id, ArrSettingsStore.InstanceForm form, java.util.function.Supplier<String> action) {
        try {
            Flash.success(ctx, action.get());
            ctx.redirect(PATH);
        } catch (InvalidInputException e) {
            ctx.status(400);
            Flash.errorNow(ctx, e.getMessage());
            renderForm(ctx, id, form);
        }
    }

    private void renderForm(Context ctx, Long id, ArrSettingsStore.InstanceForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("id", id);
        model.put("form", form);
        pages.render(ctx, "cleanup/instances/instance.jte", id == null ? "Add an instance" : "Edit " + form.name(), model);
    }

    private static ArrSettingsStore.InstanceForm form(Context ctx, ArrKind kind) {
        return new ArrSettingsStore.InstanceForm(kind, ctx.formParam("name"), ctx.formParam("url"), ctx.formParam("apiKey"),
                ctx.formParam("pathMap"), ctx.formParam("keepTag"));
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
