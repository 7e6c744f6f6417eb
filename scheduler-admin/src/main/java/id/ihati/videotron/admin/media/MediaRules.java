package id.ihati.videotron.admin.media;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.auth.User;
import id.ihati.videotron.playlists.schedule.Category;
import java.util.List;

/**
 * Who may do what in the library. Pure functions of the user and the item.
 *
 * <ul>
 *   <li>Contributors (Puskesmas), health editors, city editors and admins add content; contributors and health
 *       editors make HEALTH content, city editors CITY content, admins either.</li>
 *   <li>Every new item is PENDING. A HEALTH_EDITOR decides on any item (Dinkes answers for what the screens
 *       say); a CITY_EDITOR decides on CITY items, including their own (city information is the city's
 *       responsibility, and waiting for Dinkes to approve a road closure helps nobody). Admins run the
 *       system but make no editorial decisions; reviewers (DPRD) only read.</li>
 *   <li>A decider may approve at once when adding content; the decision is still recorded as such.</li>
 *   <li>The creator may change or delete their item; deciders may change items they decide on. A change to an
 *       approved item by someone who may not decide on it sends it back to PENDING.</li>
 * </ul>
 */
public final class MediaRules {
    private MediaRules() {
    }

    public static List<Category> categoriesFor(Role role) {
        return switch (role) {
            case ADMIN -> List.of(Category.HEALTH, Category.CITY);
            case HEALTH_EDITOR, CONTRIBUTOR -> List.of(Category.HEALTH);
            case CITY_EDITOR -> List.of(Category.CITY);
            default -> List.of();
        };
    }

    public static boolean canAdd(User u) {
        return !categoriesFor(u.role()).isEmpty();
    }

    public static boolean canDecide(User u, Category category) {
        return u.role() == Role.HEALTH_EDITOR || (u.role() == Role.CITY_EDITOR && category == Category.CITY);
    }

    public static boolean canDecide(User u, MediaItem m) {
        return canDecide(u, m.category());
    }

    public static boolean canEdit(User u, MediaItem m) {
        return u.role() != Role.REVIEWER && (u.username().equals(m.createdBy()) || canDecide(u, m)
                || u.role() == Role.ADMIN);
    }

    public static boolean canDelete(User u, MediaItem m) {
        return canEdit(u, m) && (m.status() != MediaStatus.APPROVED || canDecide(u, m) || u.role() == Role.ADMIN);
    }
}
