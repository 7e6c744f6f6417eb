/** The start page after signing in, and the health check for service managers and load balancers. */
package id.ihati.videotron.admin.home;
