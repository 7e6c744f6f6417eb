/**
 * Exports of review data: planned-versus-delivered reports as CSV and as PDF (OpenPDF, with JFreeChart charts,
 * in Bahasa Indonesia), and an iCalendar (RFC 5545) feed of a screen's bookings. Each writer is a pure
 * function of a report or schedule to bytes.
 */
package id.ihati.videotron.admin.review.export;
