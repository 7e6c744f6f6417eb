/**
 * Test fixtures for the admin server, shared with the player's integration tests through the test-jar:
 * a real server on a random port over H2 or embedded PostgreSQL, accounts for every role, and a browser-like
 * HTTP client that keeps cookies and sends CSRF tokens.
 */
package id.ihati.videotron.admin.testing;
