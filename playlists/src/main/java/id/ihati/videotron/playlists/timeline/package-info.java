/**
 * The deterministic wall-clock timeline resolver: a pure function from a manifest and a time range to the
 * plays planned in it, the bookings that got fewer plays than they asked for, and when the plan next
 * changes. The admin server's preview, the players and the delivery reports all run this same code.
 */
package id.ihati.videotron.playlists.timeline;
