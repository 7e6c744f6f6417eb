/**
 * What every page and API shares: the JTE templates, Bahasa Indonesia / English messages, the page context
 * (user, CSRF token, language), per-field validation errors and how features contribute routes.
 */
package id.ihati.videotron.admin.web;
