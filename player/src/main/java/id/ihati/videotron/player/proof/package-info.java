/**
 * Proof of play on the player: the append-only, hash-chained journal on disk and its upload in batches,
 * deleting records only once the server has acknowledged them.
 */
package id.ihati.videotron.player.proof;
