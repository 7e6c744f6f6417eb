/**
 * Media intake: what phones and editing apps produce (HEVC, VP9, AV1, MPEG-4 Part 2, 10-bit, 4K, 60 fps,
 * variable frame rate, rotated portrait clips, any audio layout) is normalised with the distribution's
 * FFmpeg into one H.264 + AAC MP4 that JavaFX plays on every player PC; loudness to EBU R128; poster frame
 * and thumbnail strip; and how an item will look on each screen. Pure decisions ({@link
 * id.ihati.videotron.admin.media.intake.IntakePlanner}, {@link id.ihati.videotron.admin.media.intake.FitPreview})
 * and a thin shell (ffmpeg processes, a durable Quartz job, one table).
 */
package id.ihati.videotron.admin.media.intake;
