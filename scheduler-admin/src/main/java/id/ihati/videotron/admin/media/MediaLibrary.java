package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.audit.AuditLog;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.admin.media.intake.MediaIntake;
import id.ihati.videotron.admin.media.slide.Slide;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Media;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The content library as the server builds it: one repository and one file store shared by its parts, each a
 * class of its own — {@link Uploads}, {@link Slides}, {@link Approvals}, {@link Edits}, {@link Purge} and the
 * {@link Catalog} the other features read. It is the {@link MediaCatalog} other features are given, and keeps
 * the few calls seeding and tests make across the parts.
 */
public final class MediaLibrary implements MediaCatalog {
    private final Catalog catalog;
    private final Uploads uploads;
    private final Slides slides;
    private final Approvals approvals;
    private final Edits edits;
    private final Purge purge;
    // Videos are probed, converted and given posters by media.intake (issue 13).
    private final MediaIntake intake;

    public MediaLibrary(Path dataDir, long maxUploadBytes, org.jdbi.v3.core.Jdbi jdbi, AuditLog audit, Clock clock) {
        var repo = new MediaRepository(jdbi);
        var store = new ContentStore(dataDir);
        this.intake = MediaIntake.forLibrary(jdbi, store, audit, clock);
        this.uploads = new Uploads(jdbi, repo, store, audit, clock, maxUploadBytes, intake);
        this.slides = new Slides(jdbi, repo, store, audit, clock);
        this.approvals = new Approvals(jdbi, repo, audit, clock, intake);
        this.edits = new Edits(jdbi, repo, audit, clock);
        this.purge = new Purge(jdbi, repo, store, audit, clock);
        this.catalog = new Catalog(repo, store, slides, clock);
    }

    /** The video intake: conversion queue, posters, status. */
    public MediaIntake intake() {
        return intake;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Uploads uploads() {
        return uploads;
    }

    public Slides slides() {
        return slides;
    }

    public Approvals approvals() {
        return approvals;
    }

    public Edits edits() {
        return edits;
    }

    public Purge purge() {
        return purge;
    }

    // --- seeding (the --demo showcase, scripts and tests) ---

    /** See {@link Uploads#importApproved}. */
    public MediaItem importApproved(User actor, Path file, Metadata meta) {
        return uploads.importApproved(actor, file, meta);
    }

    /** See {@link Slides#importApproved}. */
    public MediaItem importSlide(User actor, Slide slide, Metadata meta) {
        return slides.importApproved(actor, slide, meta);
    }

    /** Runs the purge once: see {@link Purge#run}. */
    public Purge.Result purge(Duration grace) {
        return purge.run(grace);
    }

    public Optional<MediaItem> find(String id) {
        return catalog.find(id);
    }

    // --- MediaCatalog, answered by the catalog ---

    @Override
    public Optional<Media> forScreen(String mediaId, ScreenProfile screen) {
        return catalog.forScreen(mediaId, screen);
    }

    @Override
    public Optional<Path> file(String sha256) {
        return catalog.file(sha256);
    }

    @Override
    public List<MediaSummary> approved(Category category) {
        return catalog.approved(category);
    }

    @Override
    public Optional<MediaSummary> summary(String mediaId) {
        return catalog.summary(mediaId);
    }

    @Override
    public boolean bookable(String mediaId) {
        return catalog.bookable(mediaId);
    }
}
