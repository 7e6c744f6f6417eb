/**
 * Test-only classes that break each rule of {@code AdminArchitectureTest} on purpose, so each rule is shown
 * to fail: a cycle between two "features", a "web" class importing a feature, a feature importing the root.
 */
package id.ihati.videotron.admin.archfixture;
