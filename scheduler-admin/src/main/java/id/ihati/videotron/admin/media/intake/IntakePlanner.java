package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.admin.media.intake.IntakePlan.Reason;
import id.ihati.videotron.playlists.schedule.FitMode;
import id.ihati.videotron.playlists.schedule.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides, from a probe and the registered screens, whether a video plays as it is or how it is converted.
 * Pure: no files, no processes.
 *
 * <p>What plays as is: H.264 Baseline/Main/High (8-bit 4:2:0, level ≤ 4.2) in an ISO MP4, constant frame
 * rate ≤ 30 fps, no rotation, at most 1920×1080 (1080×1920 upright), no audio or AAC. Everything else that has
 * a video stream is converted. JavaFX 21 decodes H.264 through the system's libavcodec on every supported
 * player OS; HEVC only on some, 10-bit and 4:2:2 not reliably, and above 30 fps it drops frames on small PCs.
 */
public final class IntakePlanner {
    /** The largest frame a player is given: H.264 level 4.0 holds 1080p30. */
    public static final int MAX_LONG_SIDE = 1920;
    public static final int MAX_SHORT_SIDE = 1080;
    static final Set<String> PLAYABLE_PROFILES = Set.of("Constrained Baseline", "Baseline", "Main", "High");
    static final Set<String> PLAYABLE_PIXELS = Set.of("yuv420p", "yuvj420p");
    static final int MAX_LEVEL = 42;

    private IntakePlanner() {
    }

    public static IntakePlan decide(Probe probe, List<Panel> panels) {
        Probe.Video v = probe.video();
        if (v == null || v.width() <= 0 || v.height() <= 0) {
            return new IntakePlan.Refuse("media.refuse.noVideo");
        }
        if (probe.durationMillis() <= 0) {
            return new IntakePlan.Refuse("media.refuse.corrupt");
        }
        var reasons = new ArrayList<Reason>();
        if (!isoMp4(probe)) {
            reasons.add(Reason.CONTAINER);
        }
        if (!v.codec().equals("h264")) {
            reasons.add(Reason.VIDEO_CODEC);
        } else if (!PLAYABLE_PROFILES.contains(v.profile()) || v.level() > MAX_LEVEL) {
            reasons.add(Reason.PROFILE);
        }
        if (!PLAYABLE_PIXELS.contains(v.pixFmt())) {
            reasons.add(Reason.PIXEL_FORMAT);
        }
        double fps = v.avgFrameRate() > 0 ? v.avgFrameRate() : v.frameRate();
        if (fps > 30.5) {
            reasons.add(Reason.FRAME_RATE);
        } else if (variable(v)) {
            reasons.add(Reason.VARIABLE_FRAME_RATE);
        }
        if (v.rotation() % 360 != 0) {
            reasons.add(Reason.ROTATION);
        }
        Resolution shown = v.displaySize();
        if (!withinLimit(shown)) {
            reasons.add(Reason.SIZE);
        }
        if (probe.audio() != null && !probe.audio().codec().equals("aac")) {
            reasons.add(Reason.AUDIO_CODEC);
        }
        if (reasons.isEmpty()) {
            return new IntakePlan.PlaysAsIs();
        }
        return new IntakePlan.Convert(reasons, targetSize(shown, panels), targetFps(fps), probe.audio() != null,
                probe.durationMillis());
    }

    /** ISO base media brands; QuickTime ("qt  ") and 3GPP files are rewritten into a plain MP4. */
    private static boolean isoMp4(Probe p) {
        if (!p.format().contains("mp4") || p.brand() == null) {
            return false;
        }
        String b = p.brand().strip();
        return b.startsWith("iso") || b.startsWith("mp4") || b.equals("avc1") || b.startsWith("M4V");
    }

    /** Average and base rate differ by more than 1 %: frames are not evenly spaced. */
    private static boolean variable(Probe.Video v) {
        return v.frameRate() > 0 && v.avgFrameRate() > 0
                && Math.abs(v.frameRate() - v.avgFrameRate()) > 0.01 * v.frameRate();
    }

    static boolean withinLimit(Resolution r) {
        int longSide = Math.max(r.width(), r.height());
        int shortSide = Math.min(r.width(), r.height());
        return longSide <= MAX_LONG_SIDE && shortSide <= MAX_SHORT_SIDE;
    }

    /** 25 fps for PAL-family and slow sources (24, 25, 50), 30 for the rest (29.97, 30, 60, 120). */
    static int targetFps(double fps) {
        if (fps <= 25.5 || Math.abs(fps - 50) < 1 || Math.abs(fps - 100) < 1) {
            return 25;
        }
        return 30;
    }

    /**
     * The converted size: as large as the most demanding screen shows it (a letterboxing screen shows it whole
     * inside the panel, a cropping or stretching one scales it to cover the panel), never larger than the source
     * nor than 1920×1080, with even sides (4:2:0). With no screen registered, only the 1080p limit applies.
     */
    public static Resolution targetSize(Resolution source, List<Panel> panels) {
        double w = source.width();
        double h = source.height();
        double scale = panels.isEmpty() ? 1 : 0;
        for (Panel p : panels) {
            double sx = p.size().width() / w;
            double sy = p.size().height() / h;
            scale = Math.max(scale, p.fit() == FitMode.CONTAIN ? Math.min(sx, sy) : Math.max(sx, sy));
        }
        double longSide = Math.max(w, h);
        double shortSide = Math.min(w, h);
        scale = Math.min(scale, Math.min(1, Math.min(MAX_LONG_SIDE / longSide, MAX_SHORT_SIDE / shortSide)));
        return new Resolution(even(w * scale), even(h * scale));
    }

    private static int even(double x) {
        return Math.max(2, (int) Math.floor(x / 2 + 1e-9) * 2);
    }
}
