/**
 * Talking to the admin server, shared by sync and proof: the device API calls with the token, their JSON
 * settings, server errors and backoff. Imports no other package of the player.
 */
package id.ihati.videotron.player.net;
