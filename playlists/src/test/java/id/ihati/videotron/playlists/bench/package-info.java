/** Benchmarks (runnable main classes, not tests): run them with {@code bin/bench-resolver}. */
package id.ihati.videotron.playlists.bench;
