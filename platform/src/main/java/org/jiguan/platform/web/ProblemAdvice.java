package org.jiguan.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoException;
import org.apache.kafka.common.KafkaException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.security.Forbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns every failure into problem+json; anything a client sent is a 4xx, never a 500. */
@RestControllerAdvice
public class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemWriter problems;
    private final RuleTitles ruleTitles = RuleTitles.fromClasspath();

    public ProblemAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    /** {@code code} is the rule id; {@code ruleTitle} names the rule in Chinese for officials. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Map<String, Object>> ruleViolation(RuleViolation e) {
        Map<String, Object> body = problems.body(HttpStatus.UNPROCESSABLE_CONTENT, e.ruleId(), e.getMessage(), null);
        ruleTitles.titleOf(e.ruleId()).ifPresent(title -> body.put("ruleTitle", title));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(ProblemWriter.PROBLEM_JSON)
                .body(body);
    }

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(Exception e) {
        return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    /**
     * The id names an aggregate of another kind (a committee command on an organ's id): the aggregate it loaded
     * has no handler for the command, so there is no such target.
     */
    @ExceptionHandler(NoHandlerForCommandException.class)
    ResponseEntity<Map<String, Object>> otherKindOfTarget(NoHandlerForCommandException e) {
        log.debug("Command on an id of another kind: {}", e.getMessage());
        return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", "No target of this kind has that id");
    }

    @ExceptionHandler({Conflict.class, ConcurrencyException.class, DeadlockException.class,
            AggregateStreamCreationException.class})
    ResponseEntity<Map<String, Object>> conflict(Exception e) {
        String detail = e instanceof Conflict ? e.getMessage()
                : e instanceof AggregateStreamCreationException ? "The id is already in use; choose another or omit it"
                : "The target was changed or created concurrently; reload and retry";
        return respond(HttpStatus.CONFLICT, "CONFLICT", detail);
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<Map<String, Object>> forbidden(Forbidden e) {
        return respond(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Map<String, Object>> invalid(BindException e) {
        List<ProblemWriter.FieldError> errors = e.getFieldErrors().stream()
                .map(f -> new ProblemWriter.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.body(HttpStatus.BAD_REQUEST, "VALIDATION", "The request has invalid fields", errors));
    }

    /**
     * Fields Jackson could not read, listed with Bean Validation's findings for the rest ({@link BodyProblems});
     * parameters over their limit ({@link ParameterLimits}).
     */
    @ExceptionHandler(InvalidFields.class)
    ResponseEntity<Map<String, Object>> invalidFields(InvalidFields e) {
        return ResponseEntity.badRequest().contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.body(HttpStatus.BAD_REQUEST, "VALIDATION", "The request has invalid fields", e.errors()));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Map<String, Object>> invalidParameter(HandlerMethodValidationException e) {
        List<ProblemWriter.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ProblemWriter.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.body(HttpStatus.BAD_REQUEST, "VALIDATION", "The request has invalid values", errors));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        // Jackson 3 wraps the failing body stream's IOException in its own unchecked one.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySizeLimitFilter.TooLarge tooLarge) {
                return respond(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", tooLarge.getMessage());
            }
        }
        List<ProblemWriter.FieldError> errors = new ArrayList<>(BodyProblems.takeNoted());
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            String message = mismatch instanceof InvalidFormatException invalid
                    ? "cannot read '" + invalid.getValue() + "' as " + invalid.getTargetType().getSimpleName()
                    : "has the wrong type";
            if (errors.stream().noneMatch(known -> known.field().equals(field))) {
                errors.add(new ProblemWriter.FieldError(field, message));
            }
        }
        return ResponseEntity.badRequest().contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.body(HttpStatus.BAD_REQUEST, "VALIDATION", "The request body is not valid JSON for this "
                        + "endpoint", errors));
    }

    /** A query parameter or path variable that cannot be read, e.g. a date out of range ({@link DateBounds}). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage()
                : "cannot read '" + e.getValue() + "'";
        return ResponseEntity.badRequest().contentType(ProblemWriter.PROBLEM_JSON).body(problems.body(
                HttpStatus.BAD_REQUEST, "VALIDATION", "The request has invalid values",
                List.of(new ProblemWriter.FieldError(e.getName(), message))));
    }

    /** A query string the container cannot split into parameters (a parameter without a name: {@code ?=x}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> unreadableQuery(InvalidParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, "VALIDATION", "The query string cannot be read: " + e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingRequestHeaderException.class})
    ResponseEntity<Map<String, Object>> missingParameter(Exception e) {
        return respond(HttpStatus.BAD_REQUEST, "VALIDATION", e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "VALIDATION", e.getMessage());
    }

    /** Axon wraps handler failures on some paths; answer for the cause. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Map<String, Object>> commandFailed(CommandExecutionException e) {
        if (e.getCause() instanceof Exception cause && cause != e) {
            return dispatch(cause);
        }
        return serverError(e);
    }

    @ExceptionHandler({MongoException.class, KafkaException.class, EventStoreException.class})
    ResponseEntity<Map<String, Object>> unavailable(Exception e) {
        log.warn("Backing service unavailable: {}", e.toString());
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                "A backing store or broker is unavailable; retry later with the same Idempotency-Key");
    }

    /** Spring's own answers to what a client sent wrong (e.g. an Accept it cannot serve) stay 4xx. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> serverError(Exception e) {
        if (e instanceof ErrorResponse answer && answer.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(answer.getStatusCode().value());
            return respond(status, status == HttpStatus.NOT_FOUND ? "NOT_FOUND" : "VALIDATION", e.getMessage());
        }
        log.error("Unexpected failure", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Unexpected server failure");
    }

    private ResponseEntity<Map<String, Object>> dispatch(Exception cause) {
        if (cause instanceof RuleViolation v) {
            return ruleViolation(v);
        }
        if (cause instanceof NotFound || cause instanceof AggregateNotFoundException) {
            return notFound(cause);
        }
        if (cause instanceof NoHandlerForCommandException noHandler) {
            return otherKindOfTarget(noHandler);
        }
        if (cause instanceof Conflict || cause instanceof ConcurrencyException || cause instanceof DeadlockException
                || cause instanceof AggregateStreamCreationException) {
            return conflict(cause);
        }
        if (cause instanceof Forbidden f) {
            return forbidden(f);
        }
        if (cause instanceof MongoException || cause instanceof KafkaException || cause instanceof EventStoreException) {
            return unavailable(cause);
        }
        return serverError(cause);
    }

    private ResponseEntity<Map<String, Object>> respond(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.body(status, code, detail, null));
    }
}
