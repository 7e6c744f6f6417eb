package id.ihati.videotron.admin.web;

import java.util.List;

/** Thrown by services when input is invalid; answered as 400/422 with every problem listed. */
public class ValidationException extends RuntimeException {
    private final transient List<Problem> problems;
    private final int status;

    public ValidationException(List<Problem> problems) {
        this(422, problems);
    }

    public ValidationException(int status, List<Problem> problems) {
        super(problems.isEmpty() ? "invalid" : problems.get(0).messageEn());
        this.problems = List.copyOf(problems);
        this.status = status;
    }

    public static ValidationException of(String field, String key, Object... args) {
        return new ValidationException(List.of(Problem.of(field, key, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

    public int status() {
        return status;
    }
}
