/**
 * The player watching its own picture (issue 14 part 6): a few pixel rows of its window read back from the X
 * server twice a second, a pure decision ({@link id.ihati.videotron.player.playback.picture.PictureVerdict})
 * whether the picture is black while content plays or frozen while the video's clock runs, a re-opening of the
 * item when it is, and the fault handed to the heartbeat so the dashboard shows an incident until the picture is
 * back.
 */
package id.ihati.videotron.player.playback.picture;
