package id.ihati.videotron.player.sync.cache;

/** How full the cache is: verified files and their bytes, and the budget it is kept within. */
public record CacheStats(int files, long bytes, long budgetBytes) {
}
