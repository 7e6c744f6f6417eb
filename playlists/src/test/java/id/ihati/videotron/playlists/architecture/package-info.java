/** Architecture rules of the module, checked with ArchUnit. */
package id.ihati.videotron.playlists.architecture;
