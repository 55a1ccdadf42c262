package org.flexsi.certificate.pdf;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Amounts in Chinese capital numerals (大写金额) as written on financial documents:
 * 13045.44 is 壹万叁仟零肆拾伍元肆角肆分, 10.00 is 壹拾元整, 1000000.05 is 壹佰万元零伍分.
 */
public final class ChineseAmount {
    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] IN_GROUP = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    private ChineseAmount() {
    }

    /** @throws IllegalArgumentException for more than two decimals or 10^16 yuan and more */
    public static String capital(BigDecimal amount) {
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount has at most two decimals (fen): " + amount);
        }
        BigInteger fenTotal = amount.movePointRight(2).toBigIntegerExact();
        String sign = fenTotal.signum() < 0 ? "负" : "";
        fenTotal = fenTotal.abs();
        BigInteger[] yuanAndFen = fenTotal.divideAndRemainder(BigInteger.valueOf(100));
        String yuanDigits = yuanAndFen[0].toString();
        if (yuanDigits.length() > 16) {
            throw new IllegalArgumentException("amount too large for capital numerals: " + amount);
        }
        int jiao = yuanAndFen[1].intValue() / 10;
        int fen = yuanAndFen[1].intValue() % 10;
        boolean hasYuan = yuanAndFen[0].signum() > 0;

        StringBuilder out = new StringBuilder(sign);
        if (hasYuan) {
            out.append(yuan(yuanDigits)).append('元');
        }
        if (jiao == 0 && fen == 0) {
            return out.append(hasYuan ? "" : "零元").append('整').toString();
        }
        if (jiao > 0) {
            out.append(DIGITS[jiao]).append('角');
        } else if (hasYuan) {
            // yuan followed directly by fen keeps a 零 for the missing jiao
            out.append('零');
        }
        if (fen > 0) {
            out.append(DIGITS[fen]).append('分');
        }
        return out.toString();
    }

    private static String yuan(String digits) {
        StringBuilder out = new StringBuilder();
        boolean zeroPending = false;
        boolean groupHasDigit = false;
        for (int i = 0; i < digits.length(); i++) {
            int position = digits.length() - 1 - i;
            int digit = digits.charAt(i) - '0';
            if (digit == 0) {
                zeroPending = out.length() > 0;
            } else {
                if (zeroPending) {
                    out.append('零');
                }
                out.append(DIGITS[digit]).append(IN_GROUP[position % 4]);
                zeroPending = false;
                groupHasDigit = true;
            }
            if (position % 4 == 0) {
                if (groupHasDigit) {
                    out.append(GROUPS[position / 4]);
                }
                groupHasDigit = false;
            }
        }
        return out.toString();
    }
}
