/**
 * Review and reports for DPRD partners: read-only schedule pages, planned versus delivered, exports (CSV, PDF,
 * iCalendar), comments on bookings and schedule versions, and the open feed for the city's other channels.
 * REVIEWER reads every page here and writes only comments.
 */
package id.ihati.videotron.admin.review;
