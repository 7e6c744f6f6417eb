/**
 * Who may do what. Accounts with argon2id-hashed passwords, database-backed sessions with HttpOnly
 * SameSite cookies, CSRF tokens, login throttling, and the access check that runs before every route:
 * a route is refused unless one of its declared roles allows the caller (deny by default).
 */
package id.ihati.videotron.admin.auth;
