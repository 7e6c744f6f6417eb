package id.ihati.videotron.admin.media.intake;

import id.ihati.videotron.playlists.schedule.Resolution;
import java.util.List;

/** What the intake does with an uploaded video, decided by {@link IntakePlanner} from its probe. */
public sealed interface IntakePlan {

    /** The file plays on every player as it is: stored and served unchanged (today's path). */
    record PlaysAsIs() implements IntakePlan {
    }

    /**
     * The file is converted to H.264 High 4.0, 8-bit 4:2:0, constant {@code fps}, {@code size}, and (when it
     * has sound) AAC stereo 48 kHz at the loudness target.
     *
     * @param reasons why it cannot be served as it is (at least one)
     */
    record Convert(List<Reason> reasons, Resolution size, int fps, boolean audio, long durationMillis)
            implements IntakePlan {
        public Convert {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a conversion needs a reason");
            }
        }
    }

    /** Not a video anyone can use: refused at upload with the message {@code key}. */
    record Refuse(String key) implements IntakePlan {
    }

    /** Why a video is converted; each has a text in the bundles ({@code intake.reason.<NAME>}). */
    enum Reason {
        CONTAINER, VIDEO_CODEC, PROFILE, PIXEL_FORMAT, FRAME_RATE, VARIABLE_FRAME_RATE, ROTATION, SIZE, AUDIO_CODEC
    }
}
