package org.flexsi.certificate.pdf;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How line items read on a certificate: insurance names in Chinese, months as a span, rates as percentages. */
public final class LineText {
    private static final Map<String, String> INSURANCES = Map.ofEntries(
            Map.entry("PENSION", "企业职工基本养老保险费"),
            Map.entry("MEDICAL", "职工基本医疗保险费"),
            Map.entry("WORK_INJURY", "工伤保险费"),
            Map.entry("MATERNITY", "生育保险费"),
            Map.entry("SERIOUS_ILLNESS", "大病保险费"),
            Map.entry("LONG_TERM_CARE", "长期护理保险费"),
            Map.entry("MUTUAL_AID", "大额医疗互助费"),
            Map.entry("LARGE_MEDICAL_MUTUAL_AID", "大额医疗互助费"));
    private static final Map<String, String> PARTS = Map.of(
            "UNIT", "单位部分", "PERSONAL", "个人部分", "MUTUAL_AID", "大额医疗互助");

    private LineText() {
    }

    /** The Chinese name of an insurance code; an unknown code is printed as it is rather than guessed. */
    public static String insurance(String code, String part) {
        String key = code == null ? "" : code.toUpperCase(Locale.ROOT).replace('-', '_');
        String name = INSURANCES.getOrDefault(key, code);
        if (part == null || part.isBlank()) {
            return name;
        }
        return name + "（" + PARTS.getOrDefault(part.toUpperCase(Locale.ROOT).replace('-', '_'), part) + "）";
    }

    /** 2026-01..2026-03 when consecutive, otherwise the months listed. */
    public static String months(List<String> months) {
        List<String> sorted = months.stream().sorted().toList();
        if (sorted.isEmpty()) {
            return "";
        }
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        boolean consecutive = true;
        for (int i = 1; i < sorted.size() && consecutive; i++) {
            consecutive = java.time.YearMonth.parse(sorted.get(i - 1)).plusMonths(1).equals(java.time.YearMonth.parse(sorted.get(i)));
        }
        return consecutive ? sorted.get(0) + "至" + sorted.get(sorted.size() - 1)
                : sorted.stream().collect(Collectors.joining(","));
    }

    /** A rate given as a fraction (0.2) prints as 20%; one already above 1 is taken as a percentage. */
    public static String rate(String rate) {
        if (rate == null || rate.isBlank()) {
            return null;
        }
        BigDecimal value = new BigDecimal(rate);
        BigDecimal percent = value.compareTo(BigDecimal.ONE) <= 0 ? value.movePointRight(2) : value;
        return percent.stripTrailingZeros().toPlainString() + "%";
    }
}
