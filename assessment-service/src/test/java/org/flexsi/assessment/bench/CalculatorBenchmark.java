package org.flexsi.assessment.bench;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;
import org.flexsi.assessment.calc.Calculation;
import org.flexsi.assessment.calc.Calculator;
import org.flexsi.assessment.calc.Choice;
import org.flexsi.assessment.catalogue.Catalogue;
import org.flexsi.assessment.catalogue.Insurance;
import org.flexsi.assessment.catalogue.SeedCatalogues;

/**
 * Quotes per second on one thread (one core) of the pure calculator, for three shapes of quote.
 * A plain harness (JMH is not in the offline repository): warm-up rounds, then timed rounds; prints figures only.
 * Run: {@code java -cp <test classpath> org.flexsi.assessment.bench.CalculatorBenchmark [seconds-per-round]}.
 */
public final class CalculatorBenchmark {
    private static volatile long sink;

    private CalculatorBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        Catalogue weifang = SeedCatalogues.of("370700");
        Catalogue jinan = SeedCatalogues.of("370100");
        Catalogue jiangxi = SeedCatalogues.of("360000");
        List<YearMonth> year = IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(2023, m)).toList();
        List<Choice> weifangAll = List.of(Choice.of(Insurance.PENSION), new Choice(Insurance.MEDICAL, null, null, new BigDecimal("0.07"), null),
                Choice.of(Insurance.WORK_INJURY), Choice.of(Insurance.SERIOUS_ILLNESS), Choice.of(Insurance.LONG_TERM_CARE));
        List<Choice> jinanPooled = List.of(new Choice(Insurance.PENSION, null, new BigDecimal("5000"), null, null),
                new Choice(Insurance.MEDICAL, null, null, null, "POOLED_ONLY"));
        List<Choice> jiangxiGrade = List.of(new Choice(Insurance.PENSION, "300", null, null, null));
        BigDecimal base = new BigDecimal("4378.00");

        run("Weifang, 5 items x 12 months", seconds, () -> Calculator.calculate(weifang, year, weifangAll, base));
        run("Jinan, pension + 3-item medical x 1 month", seconds,
                () -> Calculator.calculate(jinan, List.of(YearMonth.of(2022, 5)), jinanPooled, null));
        run("Jiangxi, graded pension x 3 months", seconds, () -> Calculator.calculate(jiangxi,
                List.of(YearMonth.of(2020, 1), YearMonth.of(2020, 2), YearMonth.of(2020, 3)), jiangxiGrade, null));
    }

    private static void run(String name, double seconds, java.util.function.Supplier<Calculation> quote) {
        for (int warm = 0; warm < 3; warm++) {
            measure(quote, seconds / 2);
        }
        double best = 0;
        double sum = 0;
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            double rate = measure(quote, seconds);
            best = Math.max(best, rate);
            sum += rate;
        }
        System.out.printf("%-45s mean %,12.0f quotes/s/core, best %,12.0f%n", name, sum / rounds, best);
    }

    private static double measure(java.util.function.Supplier<Calculation> quote, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        long start = System.nanoTime();
        long now;
        do {
            for (int i = 0; i < 1000; i++) {
                sink += quote.get().totalFen();
            }
            count += 1000;
            now = System.nanoTime();
        } while (now < deadline);
        return count / ((now - start) / 1e9);
    }
}
