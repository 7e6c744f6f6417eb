/**
 * Showing the plan on the videotron: the kiosk stage, gapless switching between prepared media, images and
 * slides, alerts, dark hours, skipping broken files, screenshots, and the watchdog.
 */
package id.ihati.videotron.player.playback;
