/** Architecture rules of the player, checked with ArchUnit, and the planted violations proving they can fail. */
package id.ihati.videotron.player.architecture;
