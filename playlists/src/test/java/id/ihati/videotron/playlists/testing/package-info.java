/** Builders of small schedules for the tests of this module, and a digest of resolver output. */
package id.ihati.videotron.playlists.testing;
