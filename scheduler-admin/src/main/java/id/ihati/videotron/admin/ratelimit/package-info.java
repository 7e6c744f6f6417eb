/**
 * Rate limits kept in the database, so every server node of a cluster counts the same requests: a sliding
 * window per named limit and client (e.g. pairing polls per client address).
 */
package id.ihati.videotron.admin.ratelimit;
