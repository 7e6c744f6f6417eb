/**
 * The live dashboard (the start page): every screen online or offline, what it plays, its last screenshot,
 * open incidents and today's delivery; and the jobs that open and close incidents (offline, media errors,
 * low disk) and roll proof of play up per day. Also the screen pages ({@link
 * id.ihati.videotron.admin.dashboard.ScreenRoutes}: create, edit, pair, revoke, screenshots), which show the
 * same status cards and need the players' pairing and events.
 */
package id.ihati.videotron.admin.dashboard;
