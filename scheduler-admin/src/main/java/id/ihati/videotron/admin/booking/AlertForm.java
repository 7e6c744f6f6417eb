package id.ihati.videotron.admin.booking;

import java.util.Set;

/** The alert form as typed, to show it back with its errors. {@code untilMode} is "cancel" or "time". */
public record AlertForm(String title, String mediaId, boolean allScreens, Set<String> screens, Set<String> groups,
                        String untilMode, String untilDate, String untilTime) {
    public AlertForm {
        screens = Set.copyOf(screens);
        groups = Set.copyOf(groups);
    }
}
