/**
 * Quartz in the server: a JDBC job store in the application's own database (clustered on PostgreSQL so
 * two nodes never run a job twice) and a job factory that hands jobs the server's services.
 */
package id.ihati.videotron.admin.jobs;
