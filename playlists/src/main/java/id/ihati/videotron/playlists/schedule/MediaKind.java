package id.ihati.videotron.playlists.schedule;

/** What a media file is; slides are images the server rendered from text at the screen's resolution. */
public enum MediaKind {
    VIDEO,
    IMAGE,
    SLIDE
}
