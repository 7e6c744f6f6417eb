/**
 * Screens (videotrons): their profiles as the playlists model knows them (size, loop and slots, hours, shares,
 * fit, audio, groups, output rectangle), stored in {@code ScreenRepository}, with the form and texts of the
 * screen pages. The pages themselves ({@code dashboard.ScreenRoutes}) sit above the players and the dashboard,
 * which read screens from here.
 */
package id.ihati.videotron.admin.screen;
