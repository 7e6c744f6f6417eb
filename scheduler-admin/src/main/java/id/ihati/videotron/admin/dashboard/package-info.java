/**
 * The live dashboard (the start page): every screen online or offline, what it plays, its last screenshot,
 * open incidents and today's delivery; and the jobs that open and close incidents (offline, media errors,
 * low disk) and roll proof of play up per day.
 */
package id.ihati.videotron.admin.dashboard;
