/**
 * The content library: uploads streamed to disk and recognised by their content, MP4 and image facts,
 * video-only copies of videos with sound, slides rendered per screen resolution, and approval.
 */
package id.ihati.videotron.admin.media;
