/**
 * The open feed for the city's other channels (its citizen app, other information displays): read-only JSON
 * without authentication of what plays where today and what is on screen now, only for screens an ADMIN opened
 * to it, rate-limited per client address, cacheable, and free of private data. See {@code docs/open-feed.md}.
 */
package id.ihati.videotron.admin.review.feed;
