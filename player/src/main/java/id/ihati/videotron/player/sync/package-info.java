/**
 * Keeping a player's plan and media current: pairing, fetching the manifest (ETag, server-sent events,
 * polling with backoff), the content-addressed media cache, heartbeats and screenshot uploads.
 */
package id.ihati.videotron.player.sync;
