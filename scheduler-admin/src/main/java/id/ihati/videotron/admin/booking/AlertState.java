package id.ihati.videotron.admin.booking;

/** Where an alert stands; kept current by {@link BoundaryJob} so lists and manifests agree with the clock. */
public enum AlertState {
    SCHEDULED, ACTIVE, ENDED, CANCELLED;

    /** True while the alert is (or will be) on the street. */
    public boolean live() {
        return this == SCHEDULED || this == ACTIVE;
    }
}
