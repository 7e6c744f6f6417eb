/**
 * Bookings of screen time, alerts and filler; drafts, previews by the resolver, published immutable
 * schedule versions with diffs and rollback.
 */
package id.ihati.videotron.admin.booking;
