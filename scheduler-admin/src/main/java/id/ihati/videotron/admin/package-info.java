/**
 * The admin server's root, on top of every feature and imported by none: {@link id.ihati.videotron.admin.Main}
 * reads the configuration, {@link id.ihati.videotron.admin.Wiring} builds every part in dependency order (the
 * composition root), {@link id.ihati.videotron.admin.AdminServer} starts database, jobs and HTTP, and
 * {@link id.ihati.videotron.admin.AdminApp} builds the Javalin application. Features live in their own
 * packages and contribute their routes through {@link id.ihati.videotron.admin.web.Routes}.
 */
package id.ihati.videotron.admin;
