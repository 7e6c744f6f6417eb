/**
 * The player API (version 1): pairing, manifests with ETags, heartbeats, proof of play, screenshots and
 * the server-sent-events stream that tells connected players about changes at once.
 */
package id.ihati.videotron.admin.player;
