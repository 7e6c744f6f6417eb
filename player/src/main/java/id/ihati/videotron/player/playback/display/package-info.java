/**
 * The kiosk window: an undecorated, cursorless, always-on-top stage at the LED sending card's desktop
 * rectangle (or a whole monitor), with the views the player can show besides content — the pairing code,
 * a status message, black for dark hours — plus screenshots of it and putting the display to sleep.
 */
package id.ihati.videotron.player.playback.display;
