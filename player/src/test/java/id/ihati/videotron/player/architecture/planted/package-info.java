/**
 * Classes written wrongly on purpose, laid out like the player's packages: each breaks one rule of
 * {@code PlayerArchitectureTest}, which checks that the rule finds it. Never used by anything else.
 */
package id.ihati.videotron.player.architecture.planted;
