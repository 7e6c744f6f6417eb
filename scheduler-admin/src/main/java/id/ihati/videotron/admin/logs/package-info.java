/**
 * Log lines that user input cannot forge: control characters, line separators and bidi controls in messages,
 * their arguments and exception messages are written as visible escapes (see logback.xml).
 */
package id.ihati.videotron.admin.logs;
