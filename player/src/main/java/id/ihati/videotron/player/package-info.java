/**
 * Starting the player: reading its configuration (flags and {@code player.properties} in the data directory),
 * opening the kiosk window and wiring sync, playback, proof of play and the watchdog together.
 */
package id.ihati.videotron.player;
