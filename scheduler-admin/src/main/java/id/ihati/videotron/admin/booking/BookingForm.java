package id.ihati.videotron.admin.booking;

import id.ihati.videotron.admin.web.BidiControls;
import id.ihati.videotron.admin.web.Params;
import id.ihati.videotron.admin.web.Problem;
import id.ihati.videotron.playlists.schedule.Booking;
import id.ihati.videotron.playlists.schedule.Category;
import id.ihati.videotron.playlists.schedule.Frequency;
import id.ihati.videotron.playlists.schedule.ScreenProfile;
import id.ihati.videotron.playlists.schedule.Targets;
import id.ihati.videotron.playlists.schedule.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The booking form as the person typed it: every field as text, so a rejected form comes back exactly as it
 * was sent, with a message beside each wrong field. {@link #parse} turns it into a {@link Booking}.
 *
 * @param id       empty for a new booking
 * @param items    media ids in play order
 * @param windows  daily windows as typed ("HH:MM" pairs); blank rows are ignored
 * @param freqType PER_LOOP, EVERY_NTH_LOOP or PER_DAY; the matching number field holds its value
 */
public record BookingForm(String id, String title, String category, String owner, List<String> items,
                          Set<String> screens, Set<String> groups, boolean allScreens, String dateFrom, String dateTo,
                          Set<String> weekdays, List<Window> windows, String freqType, String perLoop,
                          String everyNth, String perDay, String priority, boolean confirmOverbooked) {

    public static final int WINDOW_ROWS = 3;
    public static final int MAX_PRIORITY = 10;

    /** One daily window row of the form. */
    public record Window(String from, String to) {
        boolean blank() {
            return from.isBlank() && to.isBlank();
        }
    }

    public BookingForm {
        items = List.copyOf(items);
        screens = Set.copyOf(screens);
        groups = Set.copyOf(groups);
        weekdays = Set.copyOf(weekdays);
        var rows = new ArrayList<>(windows);
        while (rows.size() < WINDOW_ROWS) {
            rows.add(new Window("", ""));
        }
        windows = List.copyOf(rows);
    }

    /** The outcome of {@link #parse}: a booking, or the problems per field. */
    public record Result(Booking booking, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** An empty form for a new booking of {@code category}. */
    public static BookingForm blank(Category category, String owner, LocalDate today) {
        return new BookingForm("", "", category.name(), owner, List.of(), Set.of(), Set.of(), false,
                today.toString(), today.withDayOfMonth(today.lengthOfMonth()).toString(), Set.of(), List.of(),
                "PER_LOOP", "1", "", "", "5", false);
    }

    /** The form showing an existing booking. */
    public static BookingForm of(Booking b) {
        Set<String> days = b.weekdays().size() == 7 ? Set.of()
                : b.weekdays().stream().map(DayOfWeek::name).collect(java.util.stream.Collectors.toSet());
        List<Window> windows = b.windows().equals(List.of(TimeWindow.ALL_DAY)) ? List.of()
                : b.windows().stream().map(w -> new Window(w.from().toString(), w.to().toString())).toList();
        String type;
        String perLoop = "";
        String nth = "";
        String perDay = "";
        if (b.frequency() instanceof Frequency.PerLoop f) {
            type = "PER_LOOP";
            perLoop = Integer.toString(f.slots());
        } else if (b.frequency() instanceof Frequency.EveryNthLoop f) {
            type = "EVERY_NTH_LOOP";
            nth = Integer.toString(f.n());
        } else {
            type = "PER_DAY";
            perDay = Integer.toString(((Frequency.PerDay) b.frequency()).plays());
        }
        return new BookingForm(b.id(), b.title(), b.category().name(), b.ownerOrganisation(), b.items(),
                b.targets().screens(), b.targets().groups(), b.targets().allScreens(), b.dateFrom().toString(),
                b.dateTo().toString(), days, windows, type, perLoop, nth, perDay, Integer.toString(b.priority()), false);
    }

    /** The form as posted ({@code param} gives a single value, {@code params} every value of a name). */
    public static BookingForm read(Function<String, String> param, Function<String, List<String>> params) {
        var windows = new ArrayList<Window>();
        for (int i = 0; i < WINDOW_ROWS; i++) {
            windows.add(new Window(text(param.apply("windowFrom" + i)), text(param.apply("windowTo" + i))));
        }
        return new BookingForm(text(param.apply("id")), text(param.apply("title")), text(param.apply("category")),
                text(param.apply("owner")), distinct(params.apply("items")), new LinkedHashSet<>(params.apply("screens")),
                new LinkedHashSet<>(params.apply("groups")), param.apply("allScreens") != null,
                text(param.apply("dateFrom")), text(param.apply("dateTo")), new LinkedHashSet<>(params.apply("weekdays")),
                windows, text(param.apply("freqType")), text(param.apply("perLoop")), text(param.apply("everyNth")),
                text(param.apply("perDay")), text(param.apply("priority")), param.apply("confirmOverbooked") != null);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static List<String> distinct(List<String> ids) {
        return ids.stream().map(String::strip).filter(x -> !x.isEmpty()).distinct().toList();
    }

    // ------------------------------------------------------------ editing the item list without JavaScript

    /** The form after one of its item buttons: "add", "up:i", "down:i", "remove:i". */
    public BookingForm withItemOp(String op, String added) {
        var list = new ArrayList<>(items);
        if (op.equals("add")) {
            if (added != null && !added.isBlank() && !list.contains(added.strip())) {
                list.add(added.strip());
            }
        } else {
            String[] parts = op.split(":", 2);
            int i;
            try {
                i = Integer.parseInt(parts.length == 2 ? parts[1] : "");
            } catch (NumberFormatException e) {
                return this;
            }
            if (i < 0 || i >= list.size()) {
                return this;
            }
            switch (parts[0]) {
                case "up" -> { if (i > 0) java.util.Collections.swap(list, i, i - 1); }
                case "down" -> { if (i < list.size() - 1) java.util.Collections.swap(list, i, i + 1); }
                case "remove" -> list.remove(i);
                default -> { }
            }
        }
        return withItems(list);
    }

    public BookingForm withItems(List<String> newItems) {
        return new BookingForm(id, title, category, owner, newItems, screens, groups, allScreens, dateFrom, dateTo,
                weekdays, windows, freqType, perLoop, everyNth, perDay, priority, confirmOverbooked);
    }

    public BookingForm withId(String newId) {
        return new BookingForm(newId, title, category, owner, items, screens, groups, allScreens, dateFrom, dateTo,
                weekdays, windows, freqType, perLoop, everyNth, perDay, priority, confirmOverbooked);
    }

    public boolean isNew() {
        return id.isEmpty();
    }

    // ------------------------------------------------------------ parsing

    /**
     * The booking this form describes, or every problem with it. Form-level checks only (formats, required
     * fields, what this person may choose); rules of the schedule itself stay with the model and resolver.
     *
     * Whether the items exist, are approved and fit the screens is the playlists {@code ScheduleValidator}'s
     * business ({@link Scheduling#validate}).
     *
     * @param allowed  categories this person may book
     * @param knownScreens  the known screens (for targets)
     */
    public Result parse(Set<Category> allowed, List<ScreenProfile> knownScreens) {
        var problems = new ArrayList<Problem>();
        if (title.isEmpty()) {
            problems.add(Problem.of("title", "booking.title.required"));
        } else if (title.length() > 200) {
            problems.add(Problem.of("title", "booking.title.tooLong", 200));
        } else {
            BidiControls.refuse("title", title, problems);
        }
        Category cat = null;
        try {
            cat = Category.valueOf(category);
            if (cat != Category.HEALTH && cat != Category.CITY) {
                cat = null;
                problems.add(Problem.of("category", "booking.category.invalid"));
            } else if (!allowed.contains(cat)) {
                problems.add(Problem.of("category", "booking.categoryNotAllowed", cat.name()));
            }
        } catch (IllegalArgumentException e) {
            problems.add(Problem.of("category", "booking.category.invalid"));
        }
        if (owner.isEmpty()) {
            problems.add(Problem.of("owner", "booking.owner.required"));
        } else if (owner.length() > 200) {
            problems.add(Problem.of("owner", "booking.title.tooLong", 200));
        } else {
            BidiControls.refuse("owner", owner, problems);
        }
        if (items.isEmpty()) {
            problems.add(Problem.of("items", "booking.items.required"));
        }
        Targets targets = targets(knownScreens, problems);
        LocalDate from = date(dateFrom, "dateFrom", problems);
        LocalDate to = date(dateTo, "dateTo", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(Problem.of("dateTo", "booking.dateTo.beforeFrom"));
        }
        if (from != null && to != null && to.isAfter(from.plusYears(1))) {
            problems.add(Problem.of("dateTo", "booking.dateTo.tooLong"));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : weekdays) {
            try {
                days.add(DayOfWeek.valueOf(d));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.of("weekdays", "booking.weekdays.invalid"));
            }
        }
        List<TimeWindow> parsedWindows = windows(problems);
        Frequency frequency = frequency(problems);
        Integer prio = number(priority, "priority", 1, MAX_PRIORITY, problems);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        String bookingId = isNew() ? Scheduling.newBookingId() : id;
        return new Result(new Booking(bookingId, title, cat, owner, items, targets, from, to, days, parsedWindows,
                frequency, prio), List.of());
    }

    private Targets targets(List<ScreenProfile> known, List<Problem> problems) {
        if (allScreens) {
            return Targets.all();
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> knownGroups = new LinkedHashSet<>();
        known.forEach(s -> {
            ids.add(s.id());
            knownGroups.addAll(s.groups());
        });
        int before = problems.size();
        for (String s : screens) {
            if (!ids.contains(s)) {
                problems.add(Problem.of("targets", "booking.targets.unknownScreen", s));
            }
        }
        for (String g : groups) {
            if (!knownGroups.contains(g)) {
                problems.add(Problem.of("targets", "booking.targets.unknownGroup", g));
            }
        }
        if (screens.isEmpty() && groups.isEmpty()) {
            problems.add(Problem.of("targets", "booking.targets.required"));
        }
        return problems.size() > before ? null : new Targets(screens, groups, false);
    }

    private static LocalDate date(String text, String field, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(Problem.of(field, "booking.date.required"));
            return null;
        }
        return Params.date(text, field, "booking.date.invalid", problems).orElse(null);
    }

    private List<TimeWindow> windows(List<Problem> problems) {
        var out = new ArrayList<TimeWindow>();
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            if (w.blank()) {
                continue;
            }
            String field = "window" + i;
            LocalTime f = time(w.from(), field, problems);
            LocalTime t = time(w.to(), field, problems);
            if (f != null && t != null) {
                if (f.equals(t)) {
                    problems.add(Problem.of(field, "booking.window.empty"));
                } else {
                    out.add(new TimeWindow(f, t));
                }
            }
        }
        return out;
    }

    private static LocalTime time(String text, String field, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(Problem.of(field, "booking.window.incomplete"));
            return null;
        }
        try {
            return LocalTime.parse(text.replace('.', ':'));
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(field, "booking.window.invalid", text));
            return null;
        }
    }

    private Frequency frequency(List<Problem> problems) {
        return switch (freqType) {
            case "PER_LOOP" -> {
                Integer n = number(perLoop, "frequency", 1, 1000, problems);
                yield n == null ? null : new Frequency.PerLoop(n);
            }
            case "EVERY_NTH_LOOP" -> {
                Integer n = number(everyNth, "frequency", 1, 1000, problems);
                yield n == null ? null : new Frequency.EveryNthLoop(n);
            }
            case "PER_DAY" -> {
                Integer n = number(perDay, "frequency", 1, 100_000, problems);
                yield n == null ? null : new Frequency.PerDay(n);
            }
            default -> {
                problems.add(Problem.of("frequency", "booking.frequency.required"));
                yield null;
            }
        };
    }

    private static Integer number(String text, String field, int min, int max, List<Problem> problems) {
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                problems.add(Problem.of(field, "booking.number.range", min, max));
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, text.isEmpty() ? "booking.number.required" : "booking.number.invalid", text));
            return null;
        }
    }

    /** For templates: is this weekday ticked? */
    public boolean hasWeekday(String day) {
        return weekdays.contains(day);
    }

    /** For templates: values keyed by field, to keep the template short. */
    public Map<String, String> frequencyValues() {
        return Map.of("PER_LOOP", perLoop, "EVERY_NTH_LOOP", everyNth, "PER_DAY", perDay);
    }
}
