/**
 * Screens (videotrons): their profiles as the playlists model knows them (size, loop and slots, hours, shares,
 * fit, audio, groups, output rectangle), the admin pages that create and edit them, and the pairing of a
 * player with a screen from the screen's page.
 */
package id.ihati.videotron.admin.screen;
