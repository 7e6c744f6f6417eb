/** Builders of small schedules for the tests of this module. */
package id.ihati.videotron.playlists.testing;
