package org.jiguan.platform.rules;

/**
 * A command broke a rule of DOMAIN.md. Carries the rule id ({@code R-…}) so the rule, its test and the error a
 * client sees ({@code 422} problem+json with {@code code} = the id) can be found from each other.
 * Plain Java on purpose: domain code throws it without depending on any framework.
 */
public class RuleViolation extends RuntimeException {
    private final String ruleId;

    public RuleViolation(String ruleId, String message) {
        super(message);
        this.ruleId = ruleId;
    }

    /** Throws a violation of {@code ruleId} unless {@code condition} holds. */
    public static void require(boolean condition, String ruleId, String message) {
        if (!condition) {
            throw new RuleViolation(ruleId, message);
        }
    }

    /** Throws a violation of {@code ruleId} unless {@code value} is given: "{@code what} is required". */
    public static void requirePresent(Object value, String ruleId, String what) {
        require(value != null, ruleId, what + " is required");
    }

    /** Throws a violation of {@code ruleId} unless {@code value} has text: "{@code what} is required". */
    public static void requireText(String value, String ruleId, String what) {
        require(hasText(value), ruleId, what + " is required");
    }

    public static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    public String ruleId() {
        return ruleId;
    }
}
