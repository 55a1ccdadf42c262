package org.flexsi.console;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Formatting for the templates: amounts to the fen in yuan, instants in China time. */
@TemplateExtension(namespace = "fmt")
public final class Fmt {
    /** China time, the business zone of every service. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Fmt() {
    }

    /** "796" or "796.5" -> "¥796.00"; never through double. Blank stays blank. */
    static String yuan(Object amount) {
        if (amount == null || amount.toString().isBlank()) {
            return "";
        }
        try {
            return "¥" + new BigDecimal(amount.toString()).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
        } catch (ArithmeticException | NumberFormatException e) {
            return amount.toString();
        }
    }

    /** An ISO instant as China time ("2026-03-02T08:00:00Z" -> "2026-03-02 16:00:00"); other text unchanged. */
    static String time(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            return TIME.format(Instant.parse(instant.toString()).atZone(CHINA));
        } catch (DateTimeParseException e) {
            return instant.toString();
        }
    }

    /** Today in China, as the services' business day. */
    static String today() {
        return LocalDate.now(CHINA).toString();
    }

    /** Yesterday in China: the day reconciliation runs for. */
    static String yesterday() {
        return LocalDate.now(CHINA).minusDays(1).toString();
    }

    /** True when both amounts are present and equal to the fen. */
    static boolean same(Object ours, Object theirs) {
        try {
            return ours != null && theirs != null
                    && new BigDecimal(ours.toString()).compareTo(new BigDecimal(theirs.toString())) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
