/**
 * The manifest: the versioned JSON document that tells one screen everything it needs to play offline for
 * the next days, and its codec (reading with per-field errors, writing, the content hash used as ETag).
 */
package id.ihati.videotron.playlists.manifest;
