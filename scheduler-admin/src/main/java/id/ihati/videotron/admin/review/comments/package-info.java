/**
 * Comments on bookings and schedule versions: a reviewer (DPRD) asks, an editor answers, threaded one level.
 * Writing a comment is the only write a REVIEWER may make; every comment is audited.
 */
package id.ihati.videotron.admin.review.comments;
