package org.flexsi.assessment.calc;

import java.time.YearMonth;

/** Whether months are payable today; when not, the rule and why. {@code from..to} is today's regular window. */
public record WindowCheck(boolean payable, String rule, String reason, YearMonth from, YearMonth to) {
}
