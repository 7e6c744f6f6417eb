/**
 * Validation results shared by the codecs and the admin server: {@link Parsed} (a value or its errors) and
 * {@link FieldError} (one problem at a JSON field path, in Bahasa Indonesia and English), and the pure
 * {@link ScheduleValidator} that checks already-built schedule objects against each other.
 */
package id.ihati.videotron.playlists.validation;
