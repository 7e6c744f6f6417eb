package id.ihati.videotron.playlists.schedule;

import java.util.Set;

/** Which screens a booking or alert is for: named screens, screen groups, or every screen. */
public record Targets(Set<String> screens, Set<String> groups, boolean allScreens) {
    public Targets {
        screens = screens == null ? Set.of() : Set.copyOf(screens);
        groups = groups == null ? Set.of() : Set.copyOf(groups);
        if (!allScreens && screens.isEmpty() && groups.isEmpty()) {
            throw new IllegalArgumentException("targets must name a screen, a group, or all screens");
        }
    }

    public static Targets all() {
        return new Targets(Set.of(), Set.of(), true);
    }

    public static Targets screens(String... ids) {
        return new Targets(Set.of(ids), Set.of(), false);
    }

    /** True when these targets include the given screen. */
    public boolean includes(ScreenProfile screen) {
        if (allScreens || screens.contains(screen.id())) {
            return true;
        }
        for (String g : screen.groups()) {
            if (groups.contains(g)) {
                return true;
            }
        }
        return false;
    }
}
