package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.media.MediaLibrary;
import id.ihati.videotron.admin.screen.ScreenRepository;
import id.ihati.videotron.admin.web.Messages;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.Routes;
import id.ihati.videotron.admin.web.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Where a video is in the intake, for the library's pages (polled by {@code /assets/intake.js}) and API
 * clients; and each video's poster, or a ▶ picture until it is made.
 */
public final class IntakeRoutes implements Routes {
    private static final String PLACEHOLDER = """
            <svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">\
            <rect width="320" height="180" fill="#455a64"/><path d="M140 60 L190 90 L140 120 Z" fill="#eceff1"/></svg>""";
    private final MediaLibrary library;
    private final ScreenRepository screens;

    public IntakeRoutes(MediaLibrary library, ScreenRepository screens) {
        this.library = library;
        this.screens = screens;
    }

    /** One screen's preview with its warnings, in both languages. */
    public record Look(FitPreview preview, List<String> warnings, List<String> warningsEn) {
    }

    /** The status and the texts to show, in both languages. */
    public record View(IntakeStatus status, String label, String labelEn, List<String> reasons, List<String> reasonsEn) {
    }

    @Override
    public void register(RoutesConfig r) {
        r.get("/api/v1/media/items/{id}/intake", this::status, Role.SIGNED_IN);
        r.get("/media/{id}/poster.jpg", this::poster, Role.SIGNED_IN);
        r.get("/api/v1/media/items/{id}/looks", this::looks, Role.SIGNED_IN);
    }

    private void status(Context ctx) {
        IntakeStatus s = library.find(ctx.pathParam("id")).flatMap(m -> library.intake().status(m.id()))
                .orElseThrow(() -> new ValidationException(404, List.of(Problem.of(null, "media.notFound"))));
        ctx.header("Cache-Control", "no-store").json(view(s));
    }

    public static View view(IntakeStatus s) {
        String key = "intake.state." + s.state().name();
        return new View(s, Messages.get(Messages.ID, key, s.percent()), Messages.get(Messages.EN, key, s.percent()),
                s.reasons().stream().map(x -> Messages.get(Messages.ID, "intake.reason." + x)).toList(),
                s.reasons().stream().map(x -> Messages.get(Messages.EN, "intake.reason." + x)).toList());
    }

    /** How the item appears on every registered screen; empty for slides (rendered at each screen's size). */
    private void looks(Context ctx) {
        var item = library.find(ctx.pathParam("id"))
                .orElseThrow(() -> new ValidationException(404, List.of(Problem.of(null, "media.notFound"))));
        List<Look> looks = item.pixels() == null ? List.of() : screens.profiles().stream()
                .map(p -> FitPreview.of(item.pixels(), new Panel(p.name(), p.resolution(), p.fitMode())))
                .map(IntakeRoutes::look).toList();
        ctx.header("Cache-Control", "no-store").json(looks);
    }

    static Look look(FitPreview f) {
        var id = new java.util.ArrayList<String>();
        var en = new java.util.ArrayList<String>();
        if (f.warnSmall()) {
            id.add(Messages.get(Messages.ID, "intake.look.small", f.coveragePercent(), f.screen()));
            en.add(Messages.get(Messages.EN, "intake.look.small", f.coveragePercent(), f.screen()));
        }
        if (f.warnCropped()) {
            id.add(Messages.get(Messages.ID, "intake.look.cropped", f.croppedPercent(), f.screen()));
            en.add(Messages.get(Messages.EN, "intake.look.cropped", f.croppedPercent(), f.screen()));
        }
        return new Look(f, id, en);
    }

    private void poster(Context ctx) {
        String poster = library.find(ctx.pathParam("id")).flatMap(m -> library.intake().status(m.id()))
                .map(IntakeStatus::posterUrl).orElse(null);
        if (poster != null) {
            ctx.redirect(poster);
        } else {
            ctx.header("Cache-Control", "no-store").contentType("image/svg+xml").result(PLACEHOLDER);
        }
    }
}
