package id.ihati.videotron.admin.users;

import id.ihati.videotron.admin.auth.Role;
import id.ihati.videotron.admin.web.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the user form sends, as typed (fields may be null or blank). {@link #problems} is the pure check of
 * the rules; uniqueness of the username needs the database and is checked by {@link UserAdmin}.
 */
public record UserForm(String username, String displayName, String organisation, String role, String locale) {
    /** 3–32 characters: a lower-case letter first, then lower-case letters, digits, '.', '_' or '-'. */
    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    static final int MAX_TEXT = 200;
    /** Names the audit log uses for the system itself; nobody may sign in as them. */
    static final Set<String> RESERVED = Set.of("system", "device", "root", "anonymous");

    public UserForm {
        username = clean(username);
        displayName = clean(displayName);
        organisation = clean(organisation);
        role = clean(role);
        locale = clean(locale);
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The problems of this form; {@code creating} also checks the username (it cannot change later). */
    public List<Problem> problems(boolean creating) {
        var problems = new ArrayList<Problem>();
        if (creating) {
            if (username == null) {
                problems.add(Problem.of("username", "users.username.required"));
            } else if (!USERNAME.matcher(username).matches()) {
                problems.add(Problem.of("username", "users.username.rules"));
            } else if (RESERVED.contains(username)) {
                problems.add(Problem.of("username", "users.username.reserved", username));
            }
        }
        text(problems, "displayName", displayName);
        text(problems, "organisation", organisation);
        if (roleValue() == null) {
            problems.add(Problem.of("role", "users.role.invalid"));
        }
        if (locale != null && !locale.equals("id") && !locale.equals("en")) {
            problems.add(Problem.of("locale", "users.locale.invalid"));
        }
        return problems;
    }

    private static void text(List<Problem> problems, String field, String value) {
        if (value == null) {
            problems.add(Problem.of(field, "users." + field + ".required"));
        } else if (value.length() > MAX_TEXT) {
            problems.add(Problem.of(field, "users.tooLong", MAX_TEXT));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(Problem.of(field, "users.controlChars"));
        }
    }

    /** The chosen role if it is one a person can hold, else null. */
    public Role roleValue() {
        if (role == null) {
            return null;
        }
        for (Role r : Role.USER_ROLES) {
            if (r.name().equals(role.toUpperCase(Locale.ROOT))) {
                return r;
            }
        }
        return null;
    }

    public String localeValue() {
        return locale == null ? "id" : locale;
    }
}
