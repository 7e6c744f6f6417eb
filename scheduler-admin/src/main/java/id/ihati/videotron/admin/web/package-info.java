/**
 * What every page and API shares: the JTE templates, Bahasa Indonesia / English messages, the page context
 * (user, CSRF token, language), per-field validation errors, error pages, the API's JSON mapper and how
 * features contribute routes. Built on {@code auth}; imports no feature.
 */
package id.ihati.videotron.admin.web;
