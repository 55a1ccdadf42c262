package org.flexsi.assessment.calc;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flexsi.assessment.catalogue.BaseRule;
import org.flexsi.assessment.catalogue.Catalogue;
import org.flexsi.assessment.catalogue.Grade;
import org.flexsi.assessment.catalogue.Insurance;
import org.flexsi.assessment.catalogue.InsuranceStandard;
import org.flexsi.assessment.catalogue.Part;
import org.flexsi.assessment.catalogue.Plan;
import org.flexsi.assessment.catalogue.Rounding;
import org.flexsi.contracts.Money;

/**
 * What the chosen insurances cost for the given months under one catalogue: pure, no clock, no storage.
 * Amounts are whole fen in longs; every rounding is half up and happens where the catalogue says.
 */
public final class Calculator {
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L};

    private Calculator() {
    }

    /**
     * @param months distinct months, all priced by the catalogue
     * @param defaultBase the base for choices that give neither base nor grade; may be null
     */
    public static Calculation calculate(Catalogue catalogue, List<YearMonth> months, List<Choice> choices, BigDecimal defaultBase) {
        if (months.isEmpty()) {
            throw new RuleViolation("months", "at least one month is needed");
        }
        for (YearMonth month : months) {
            if (!catalogue.prices(month)) {
                throw new RuleViolation("catalogue-months", "the " + catalogue.region() + " " + catalogue.year()
                        + " catalogue prices " + catalogue.firstMonth() + ".." + catalogue.lastMonth() + ", not " + month);
            }
        }
        Set<Insurance> chosen = EnumSet.noneOf(Insurance.class);
        List<Line> lines = new ArrayList<>(choices.size() + 2);
        long total = 0;
        int n = months.size();
        for (Choice choice : choices) {
            if (!chosen.add(choice.insurance())) {
                throw new RuleViolation("insurance-once", choice.insurance() + " is chosen twice");
            }
            InsuranceStandard standard = catalogue.standard(choice.insurance()).orElseThrow(() -> new RuleViolation(
                    "catalogue-insurance", catalogue.region() + " " + catalogue.year() + " does not offer " + choice.insurance()
                            + "; it offers " + catalogue.insurances().stream().map(s -> s.insurance().name())
                                    .collect(Collectors.joining(", "))));
            Plan plan = plan(standard, choice);
            BigDecimal base = needsBase(plan) ? base(standard, choice, defaultBase) : null;
            long baseFen = base == null ? 0 : Money.fen(base);
            for (Part part : plan.parts()) {
                long amount = amount(part, baseFen, n, standard.roundingOrDefault());
                lines.add(new Line(standard.insurance(), months, part.rate() == null ? null : base, part.rate(), amount, part.part()));
                total += amount;
            }
        }
        return new Calculation(List.copyOf(lines), total);
    }

    static long amount(Part part, long baseFen, int months, Rounding rounding) {
        long fen = 0;
        if (part.rate() != null) {
            long rate = part.rate().unscaledValue().longValueExact();
            int scale = part.rate().scale();
            long perAll = Math.multiplyExact(Math.multiplyExact(baseFen, rate), months);
            if (scale < 0) {
                fen += Math.multiplyExact(perAll, POW10[-scale]);
            } else if (rounding == Rounding.YUAN_PER_MONTH) {
                long monthlyYuan = Money.divideHalfUp(Math.multiplyExact(baseFen, rate), POW10[scale] * 100);
                fen += monthlyYuan * 100 * months;
            } else {
                fen += Money.divideHalfUp(perAll, POW10[scale]);
            }
        }
        if (part.monthlyAmount() != null) {
            fen += Money.fen(part.monthlyAmount()) * months;
        }
        if (part.yearlyAmount() != null) {
            // a yearly fee is charged one twelfth per month (the Weifang table's monthly column does so)
            fen += Money.divideHalfUp(Money.fen(part.yearlyAmount()) * months, 12);
        }
        return fen;
    }

    private static boolean needsBase(Plan plan) {
        for (Part part : plan.parts()) {
            if (part.rate() != null) {
                return true;
            }
        }
        return false;
    }

    private static Plan plan(InsuranceStandard standard, Choice choice) {
        List<Plan> plans = standard.plans();
        if (choice.plan() != null) {
            for (Plan p : plans) {
                if (p.code().equals(choice.plan())) {
                    if (choice.rate() != null && choice.rate().compareTo(p.totalRate()) != 0) {
                        throw new RuleViolation(rule(standard.insurance()), "plan " + p.code() + " has rate "
                                + p.totalRate().stripTrailingZeros().toPlainString() + ", not " + choice.rate().toPlainString());
                    }
                    return p;
                }
            }
            throw new RuleViolation(rule(standard.insurance()), standard.insurance() + " plan " + choice.plan()
                    + " is not offered; plans: " + planNames(plans));
        }
        if (choice.rate() != null) {
            for (Plan p : plans) {
                if (p.totalRate().compareTo(choice.rate()) == 0) {
                    return p;
                }
            }
            throw new RuleViolation(rule(standard.insurance()), standard.insurance() + " rate " + choice.rate().toPlainString()
                    + " is not offered; plans: " + planNames(plans));
        }
        if (plans.size() == 1) {
            return plans.get(0);
        }
        throw new RuleViolation(rule(standard.insurance()), "choose a " + standard.insurance() + " plan or rate: " + planNames(plans));
    }

    private static BigDecimal base(InsuranceStandard standard, Choice choice, BigDecimal defaultBase) {
        BaseRule rule = standard.base();
        String r = rule(standard.insurance());
        if (rule.fixed() != null) {
            if (choice.grade() != null || (choice.base() != null && choice.base().compareTo(rule.fixed()) != 0)) {
                throw new RuleViolation(r, "the " + standard.insurance() + " base is fixed at " + rule.fixed().toPlainString());
            }
            return rule.fixed();
        }
        if (rule.graded()) {
            if (choice.grade() != null) {
                for (Grade g : rule.grades()) {
                    if (g.code().equals(choice.grade())) {
                        return g.base();
                    }
                }
                throw new RuleViolation(r, standard.insurance() + " grade " + choice.grade() + " is not offered; grades: "
                        + rule.grades().stream().map(Grade::code).collect(Collectors.joining(", ")));
            }
            BigDecimal wanted = choice.base() != null ? choice.base() : defaultBase;
            if (wanted != null) {
                for (Grade g : rule.grades()) {
                    if (g.base().compareTo(wanted) == 0) {
                        return g.base();
                    }
                }
            }
            throw new RuleViolation(r, "choose one of the " + standard.insurance() + " grades: " + rule.grades().stream()
                    .map(g -> g.code() + " (" + g.base().toPlainString() + ")").collect(Collectors.joining(", ")));
        }
        if (choice.grade() != null) {
            throw new RuleViolation(r, standard.insurance() + " has no grades here; give a base between "
                    + rule.floor().toPlainString() + " and " + rule.ceiling().toPlainString());
        }
        BigDecimal base = choice.base() != null ? choice.base() : defaultBase;
        if (base == null) {
            throw new RuleViolation(r, "give a " + standard.insurance() + " base between " + rule.floor().toPlainString()
                    + " and " + rule.ceiling().toPlainString());
        }
        if (base.compareTo(rule.floor()) < 0 || base.compareTo(rule.ceiling()) > 0) {
            throw new RuleViolation(r, "the " + standard.insurance() + " base " + base.toPlainString() + " is outside "
                    + rule.floor().toPlainString() + ".." + rule.ceiling().toPlainString());
        }
        if (base.scale() > 2) {
            throw new RuleViolation(r, "a base has at most two decimals");
        }
        return base.setScale(2);
    }

    /** The DOMAIN.md rule that sets the standard of an insurance. */
    static String rule(Insurance insurance) {
        return switch (insurance) {
            case PENSION -> "R7";
            case MEDICAL -> "R9";
            default -> "R10";
        };
    }

    private static String planNames(List<Plan> plans) {
        return plans.stream().map(p -> p.code() + " (" + p.totalRate().stripTrailingZeros().toPlainString() + ")")
                .collect(Collectors.joining(", "));
    }
}
