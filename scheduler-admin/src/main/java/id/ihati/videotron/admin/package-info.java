/**
 * The admin server: {@link id.ihati.videotron.admin.Main} reads the configuration,
 * {@link id.ihati.videotron.admin.AdminServer} wires database, scheduler and services, and
 * {@link id.ihati.videotron.admin.AdminApp} builds the Javalin application from them. Features live in
 * their own packages and contribute their routes through {@link id.ihati.videotron.admin.web.Routes}.
 */
package id.ihati.videotron.admin;
