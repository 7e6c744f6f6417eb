package id.ihati.videotron.admin.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the JTE templates under {@code src/main/jte}, precompiled at build time (so a typo fails the build,
 * not a page) with HTML escaping of every expression.
 */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code template} with {@code page} (as "page") plus the given parameters into the response. */
    public void render(Context ctx, String template, PageContext page, Map<String, Object> params) {
        var all = new HashMap<String, Object>(params);
        all.put("page", page);
        var out = new StringOutput();
        engine.render(template, all, out);
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    public void render(Context ctx, String template, PageContext page) {
        render(ctx, template, page, Map.of());
    }
}
