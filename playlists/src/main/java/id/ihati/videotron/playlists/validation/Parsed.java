package id.ihati.videotron.playlists.validation;

import java.util.List;
import java.util.function.Function;

/** The outcome of reading input: the value, or every error found in it (never an exception). */
public sealed interface Parsed<T> {

    /** The input was valid. */
    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            java.util.Objects.requireNonNull(value, "value");
        }
    }

    /** The input was invalid; {@code errors} is never empty. */
    record Invalid<T>(List<FieldError> errors) implements Parsed<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> invalid(List<FieldError> errors) {
        return new Invalid<>(errors);
    }

    static <T> Parsed<T> invalid(String path, String message, String messageEn) {
        return new Invalid<>(List.of(new FieldError(path, message, messageEn)));
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The errors; empty when valid. */
    default List<FieldError> errors() {
        return this instanceof Invalid<T> i ? i.errors() : List.of();
    }

    /** The value, or an {@link IllegalStateException} listing the errors (for tests and trusted input). */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("invalid input: " + errors());
    }

    default <R> Parsed<R> map(Function<? super T, ? extends R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Invalid<>(errors());
    }
}
