package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import java.util.List;

/** The library's refusals that are not about one form field. */
final class Refusals {
    private Refusals() {
    }

    static ValidationException forbidden(String key) {
        return new ValidationException(403, List.of(Problem.of(null, key)));
    }

    static ValidationException notFound() {
        return new ValidationException(404, List.of(Problem.of(null, "media.notFound")));
    }
}
