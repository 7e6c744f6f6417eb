/**
 * The server's wall clock as seen from this PC. Screens on one plan play in step only as far as their clocks
 * agree, and a videotron PC's own clock may be seconds off: playback runs on {@link
 * id.ihati.videotron.player.time.ServerClock}, the system clock corrected by the offset that heartbeats measure.
 */
package id.ihati.videotron.player.time;
