/**
 * The one place that turns a schedule, a media library, a screen and a day into what plays there: the
 * player API's manifests, the booking previews, the publish page, the timelines, the dashboard, the delivery
 * reports, the exports and the open feed all ask {@link id.ihati.videotron.playlists.assembly.Assembler}.
 * Pure: no clock, no I/O; "now" is an argument.
 */
package id.ihati.videotron.playlists.assembly;
