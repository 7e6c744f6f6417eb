/**
 * Pairing a new player with its screen: ask the server for a code, show it, poll until an admin claims it,
 * and keep the device token that comes back in a file only the player's user can read.
 */
package id.ihati.videotron.player.sync.pairing;
