package id.ihati.videotron.playlists.schedule;

/** Where a screen stands: a description people recognise, and WGS84 coordinates. */
public record Location(String text, double latitude, double longitude) {
    public Location {
        Checks.notBlank(text, "location text");
        if (latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude out of range: " + latitude);
        }
        if (longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude out of range: " + longitude);
        }
    }
}
