/**
 * One's own account: the login and logout pages and changing one's password. Built on {@code auth}
 * (sessions, throttling, password hashes) and {@code web}; the users feature manages other people's accounts.
 */
package id.ihati.videotron.admin.account;
