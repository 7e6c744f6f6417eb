/**
 * The content-addressed media cache: files named by their SHA-256, downloaded into temp files that resume
 * with HTTP Range after a cut, verified, forced to disk and renamed into place. A file under its final name
 * has always been verified; unused files are evicted least recently used first within a disk budget.
 */
package id.ihati.videotron.player.sync.cache;
