package id.ihati.videotron.admin.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reading query and form parameters that are numbers or dates, the same way on every page: an absent or blank
 * value takes the fallback; a value that is wrong is either named as a problem of its field (in Indonesian and
 * English, through the message key) or, for paging, quietly replaced. Functions of the text only, so a caller
 * passes {@code ctx.queryParam(name)} and tests need no request.
 */
public final class Params {
    private Params() {
    }

    /** The value stripped, or {@code null} when absent or blank. */
    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /**
     * A whole number in {@code [min, max]}, or {@code fallback} when absent. Anything else is refused with HTTP 400
     * and the problem {@code key} on {@code field}, with {@code min} and {@code max} as its arguments.
     */
    public static int intIn(String raw, int fallback, int min, int max, String field, String key) {
        String v = text(raw);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, as out of range
        }
        throw new ValidationException(400, List.of(Problem.of(field, key, min, max)));
    }

    /**
     * A whole number held to {@code [min, max]} (a page number, a page size), or {@code fallback} when absent or not
     * a number: a paging link someone edited by hand gets a page, not an error.
     */
    public static int intClamped(String raw, int fallback, int min, int max) {
        String v = text(raw);
        if (v == null) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * A whole number in {@code [min, max]}, or {@code fallback} when absent, not a number or out of range: for a
     * view's optional setting (an hour to show) where a wrong value shows the usual view.
     */
    public static int intOr(String raw, int fallback, int min, int max) {
        String v = text(raw);
        try {
            int n = v == null ? fallback : Integer.parseInt(v);
            return n >= min && n <= max ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** An ISO date, or {@code fallback} when absent or not a date: for a view's optional day. */
    public static LocalDate dateOr(String raw, LocalDate fallback) {
        String v = text(raw);
        try {
            return v == null ? fallback : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    /**
     * An ISO date ({@code 2026-12-05}), or {@code fallback} when absent. A wrong date is refused with HTTP 400 and
     * the problem {@code key} on {@code field}, with the text as its argument.
     */
    public static LocalDate date(String raw, LocalDate fallback, String field, String key) {
        String v = text(raw);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(400, List.of(Problem.of(field, key, v)));
        }
    }

    /**
     * An ISO date, empty when absent; a wrong date adds the problem {@code key} on {@code field} (with the text as
     * its argument) to {@code problems}, so a form can name all its wrong fields at once.
     */
    public static Optional<LocalDate> date(String raw, String field, String key, List<Problem> problems) {
        String v = text(raw);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            problems.add(Problem.of(field, key, v));
            return Optional.empty();
        }
    }
}
