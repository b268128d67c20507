package app.pathary.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders the precompiled JTE templates; every template gets {@code page} (a {@link PageContext}). */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public void render(Context ctx, String template, String title, Map<String, Object> model) {
        Map<String, Object> params = new HashMap<>(model);
        params.put("page", pageContext(ctx, title));
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        ctx.html(output.toString());
    }

    public void render(Context ctx, String template, String title) {
        render(ctx, template, title, Map.of());
    }

    static PageContext pageContext(Context ctx, String title) {
        return new PageContext(Caller.of(ctx).orElse(null), Caller.csrfToken(ctx), title, Flash.take(ctx), AppPath.of(ctx),
                ctx.contextPath() == null ? "" : ctx.contextPath());
    }
}
