/**
 * Slides: text, colours and an optional QR code written by staff, validated, and rendered with Java2D to a
 * PNG at a screen's native resolution, so a 384×192 LED panel gets text laid out for 384×192 pixels.
 */
package id.ihati.videotron.admin.media.slide;
