/**
 * The manifest: the versioned JSON document that tells one screen everything it needs to play offline for
 * the next days, and the JSON codecs of this module: {@link id.ihati.videotron.playlists.manifest.ManifestCodec}
 * (reading with per-field errors, writing, the content hash used as ETag) and
 * {@link id.ihati.videotron.playlists.manifest.BookingCodec} (one booking as the admin form and API send it).
 * The format is described in {@code docs/manifest-format.md}.
 */
package id.ihati.videotron.playlists.manifest;
