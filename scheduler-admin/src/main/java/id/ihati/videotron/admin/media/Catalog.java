package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.admin.web.ValidationException;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.FileRef;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.Resolution;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading the library: the items and their files as the library's pages list them, and as the rest of the
 * server sees them through {@link MediaCatalog} (a slide rendered for the screen that asks).
 */
public final class Catalog implements MediaCatalog {
    private final MediaRepository repo;
    private final ContentStore store;
    private final Slides slides;
    private final Clock clock;

    public Catalog(MediaRepository repo, ContentStore store, Slides slides, Clock clock) {
        this.repo = repo;
        this.store = store;
        this.slides = slides;
        this.clock = clock;
    }

    public Optional<MediaItem> find(String id) {
        return Additions.isId(id) ? repo.find(id) : Optional.empty();
    }

    public MediaItem get(String id) {
        return find(id).orElseThrow(() -> new ValidationException(404, List.of(Problem.of(null, "media.notFound"))));
    }

    public List<MediaItem> list(MediaRepository.Filter filter, int limit, int offset) {
        return repo.list(filter, limit, offset);
    }

    public List<String> tags() {
        return repo.tags();
    }

    /** The content type a stored file was recognised as, if some item has it. */
    public Optional<String> contentType(String sha256) {
        return repo.contentType(sha256);
    }

    /** Whether a device may fetch this file: part of an approved item. */
    public boolean approvedFile(String sha256) {
        return repo.approvedFile(sha256);
    }

    @Override
    public Optional<Media> forScreen(String mediaId, ScreenProfile screen) {
        Instant now = clock.instant();
        return find(mediaId).filter(m -> m.bookableAt(now)).map(m -> switch (m.kind()) {
            case SLIDE -> {
                FileRef r = slides.rendition(m, screen.resolution());
                yield media(m, r.sha256(), r.size(), screen.resolution(), null);
            }
            case IMAGE, VIDEO -> media(m, m.file().sha256(), m.file().size(), m.pixels(), m.videoOnly());
        });
    }

    private static Media media(MediaItem m, String sha, long size, Resolution pixels, FileRef videoOnly) {
        return new Media(m.id(), m.kind(), sha, size, m.playMillis(), pixels, m.title(), m.owner(), m.tags(),
                m.validFrom(), m.validUntil(), m.hasAudio(), videoOnly);
    }

    @Override
    public Optional<Path> file(String sha256) {
        return store.file(sha256);
    }

    @Override
    public List<MediaSummary> approved(Category category) {
        Instant now = clock.instant();
        return repo.list(new MediaRepository.Filter(null, MediaStatus.APPROVED, null, null, category), 1000, 0)
                .stream().filter(m -> m.bookableAt(now)).map(MediaSummary::of).toList();
    }

    @Override
    public Optional<MediaSummary> summary(String mediaId) {
        return find(mediaId).map(MediaSummary::of);
    }

    @Override
    public boolean bookable(String mediaId) {
        Instant now = clock.instant();
        return find(mediaId).map(m -> m.bookableAt(now)).orElse(false);
    }
}
