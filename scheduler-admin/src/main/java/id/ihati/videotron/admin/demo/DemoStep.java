package id.ihati.videotron.admin.demo;


/**
 * One part of the demo data (accounts, screens, content, bookings…). Each step runs once per database: its
 * class name is recorded when it has run, so a restart does not seed it twice and a step added in a later
 * release still runs on an older demo database. A step that throws stops the start-up and runs again next time.
 */
@FunctionalInterface
public interface DemoStep {
    void seed(DemoParts s);
}
