/**
 * The schedule model shared by the admin server and the players: screens, media, bookings, alerts and
 * filler. Plain records that validate themselves in their constructors, so an invalid schedule cannot be
 * built in memory; {@code manifest} turns JSON into these with per-field errors.
 */
package id.ihati.videotron.playlists.schedule;
