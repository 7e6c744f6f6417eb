/**
 * Demo mode ({@code --demo}): on a fresh database, seeds accounts for every role with known passwords and,
 * through {@link id.ihati.videotron.admin.demo.DemoStep}s contributed by each feature, realistic screens,
 * content and bookings, so the product can be shown and tried at once.
 */
package id.ihati.videotron.admin.demo;
