/**
 * Quartz in the server: a JDBC job store in the application's own database (clustered on PostgreSQL so
 * two nodes never run a job twice) and one job class that runs the
 * {@link id.ihati.videotron.admin.jobs.Work} each feature registers under a name. It imports no feature.
 */
package id.ihati.videotron.admin.jobs;
