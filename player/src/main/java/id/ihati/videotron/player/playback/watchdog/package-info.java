/**
 * Self-healing: noticing a stalled JavaFX thread or a frozen video, restarting playback, and ending the process
 * with a non-zero status when that does not help, so the service manager starts a fresh one.
 */
package id.ihati.videotron.player.playback.watchdog;
