/**
 * Files that survive a crash or power cut whole (write, force, rename), shared by the journal, the media cache
 * and the token store. Imports no other package of the player.
 */
package id.ihati.videotron.player.files;
