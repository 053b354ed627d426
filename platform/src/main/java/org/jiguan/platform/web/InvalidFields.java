package org.jiguan.platform.web;

import java.util.List;
import java.util.stream.Collectors;

/** Fields or parameters a client sent wrong, all of them; answered as 400 VALIDATION listing each. */
public class InvalidFields extends RuntimeException {
    private final transient List<ProblemWriter.FieldError> errors;

    public InvalidFields(List<ProblemWriter.FieldError> errors) {
        super("The request has invalid fields: " + errors.stream().map(ProblemWriter.FieldError::field)
                .collect(Collectors.joining(", ")));
        this.errors = List.copyOf(errors);
    }

    public List<ProblemWriter.FieldError> errors() {
        return errors;
    }
}
