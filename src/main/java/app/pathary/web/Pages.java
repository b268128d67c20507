package app.pathary.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/** Renders the precompiled JTE templates; every template gets {@code page} (a {@link PageContext}). */
public final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final ZoneId zone;

    /** Pages that show times in UTC (tests that do not care). */
    public Pages() {
        this(ZoneId.of("UTC"));
    }

    /** Pages that show every time in {@code zone} ({@code TIMEZONE}), labelled with it. */
    public Pages(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

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

    PageContext pageContext(Context ctx, String title) {
        return new PageContext(Caller.of(ctx).orElse(null), Caller.csrfToken(ctx), title, Flash.take(ctx), AppPath.of(ctx),
                ctx.contextPath() == null || ctx.contextPath().equals("/") ? "" : ctx.contextPath(), new Times(zone));
    }
}
