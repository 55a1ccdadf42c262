package org.flexsi.payment.refund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;

/**
 * What a refund application may ask for (R25): only lines that were paid, never more than is left of a line,
 * one reviewing agency per application, and split insurances (Jinan's pooled-only medical, R9) only together.
 */
public final class RefundRules {
    private RefundRules() {
    }

    public record Requested(String insurance, String part, BigDecimal amount) {
    }

    public record Plan(Agency agency, List<LineItem> lines, BigDecimal total) {
    }

    public static final class Refused extends RuntimeException {
        private final String rule;

        Refused(String rule, String message) {
            super(message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /**
     * @param paid the payment's lines
     * @param claimed lines of earlier refunds of this payment that were not rejected
     */
    public static Plan plan(List<LineItem> paid, List<LineItem> claimed, List<Requested> requested) {
        if (requested.isEmpty()) {
            throw new Refused("refund-lines", "name at least one line to refund");
        }
        Set<String> seen = new HashSet<>();
        Set<Agency> agencies = new HashSet<>();
        List<LineItem> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Requested want : requested) {
            String key = want.insurance() + "/" + want.part();
            if (!seen.add(key)) {
                throw new Refused("refund-lines", "line " + key + " is named twice");
            }
            LineItem line = paid.stream().filter(p -> same(p, want.insurance(), want.part())).findFirst()
                    .orElseThrow(() -> new Refused("refund-line-unknown", "the payment has no line " + key));
            if (want.amount().signum() <= 0 || want.amount().scale() > 2) {
                throw new Refused("refund-amount", "the amount of " + key + " must be positive with at most two decimals");
            }
            BigDecimal left = Money.parse(line.amount()).subtract(claimed.stream()
                    .filter(c -> same(c, want.insurance(), want.part())).map(c -> Money.parse(c.amount()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            if (want.amount().compareTo(left) > 0) {
                throw new Refused("refund-exceeds-paid", "line " + key + " has " + Money.text(left)
                        + " left to refund; asked " + Money.text(want.amount()));
            }
            agencies.add(Agency.of(line.insurance()));
            lines.add(new LineItem(line.insurance(), line.months(), line.base(), line.rate(), Money.text(want.amount()), line.part()));
            total = total.add(want.amount());
        }
        if (agencies.size() > 1) {
            throw new Refused("one-agency-per-refund", "pension and medical refunds are reviewed by different agencies:"
                    + " apply for each separately");
        }
        for (LineItem line : paid) {
            boolean split = line.part() != null;
            boolean partOfRequest = requested.stream().anyMatch(r -> r.insurance().equals(line.insurance()));
            if (split && partOfRequest && !seen.contains(line.insurance() + "/" + line.part())) {
                throw new Refused("R9", line.insurance() + " is booked as several parts; refund all of them together"
                        + " (missing " + line.part() + ")");
            }
        }
        return new Plan(agencies.iterator().next(), lines, total);
    }

    private static boolean same(LineItem line, String insurance, String part) {
        return line.insurance().equals(insurance) && Objects.equals(line.part(), part);
    }
}
