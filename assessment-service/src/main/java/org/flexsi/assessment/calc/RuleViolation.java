package org.flexsi.assessment.calc;

/** A domain rule (DOMAIN.md R1–R25, or a named catalogue rule) that a request breaks; answered with 422. */
public class RuleViolation extends RuntimeException {
    private final String rule;

    public RuleViolation(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
