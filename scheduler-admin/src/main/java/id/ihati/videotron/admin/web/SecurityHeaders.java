package id.ihati.videotron.admin.web;

import io.javalin.http.Context;

/**
 * Headers that make the browser refuse what the pages never need. Set before every request, so error pages,
 * redirects and static files carry them too.
 *
 * <p>The Content-Security-Policy allows scripts only from this server's own files ({@code /assets/*.js}): no
 * inline {@code <script>} blocks, no {@code onclick=} attributes, no {@code javascript:} links. Inline
 * {@code style="…"} attributes and {@code <style>} blocks are allowed (timeline strips and slide previews set
 * widths and colours), which only matters if an attacker could inject markup, and output is escaped.
 */
public final class SecurityHeaders {
    public static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
    private final boolean https;

    /** @param https the server is reached over HTTPS (then browsers are told to insist on it) */
    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
    }
}
