/**
 * Proof of play: the record a player journals for every play and the per-screen hash chain that lets the
 * server tell a complete, untampered history from one with gaps or edits.
 */
package id.ihati.videotron.playlists.proof;
