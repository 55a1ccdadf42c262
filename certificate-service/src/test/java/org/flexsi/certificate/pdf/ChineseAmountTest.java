package org.flexsi.certificate.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountTest {

    @ParameterizedTest
    @CsvSource({
            "13045.44, 壹万叁仟零肆拾伍元肆角肆分",
            "0.01, 壹分",
            "0.10, 壹角",
            "0.00, 零元整",
            "10.00, 壹拾元整",
            "1000000.05, 壹佰万元零伍分",
            "1087.12, 壹仟零捌拾柒元壹角贰分",
            "73983.49, 柒万叁仟玖佰捌拾叁元肆角玖分",
            "100.50, 壹佰元伍角",
            "205.30, 贰佰零伍元叁角",
            "10010000.00, 壹仟零壹万元整",
            "100000001.00, 壹亿零壹元整",
            "1000010.00, 壹佰万零壹拾元整",
            "3024, 叁仟零贰拾肆元整",
            "-605.00, 负陆佰零伍元整",
            "0.05, 伍分",
            "1.230, 壹元贰角叁分",
            "9999999999999999.99, 玖仟玖佰玖拾玖万亿玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
    })
    void writesCapitalNumerals(String amount, String expected) {
        assertEquals(expected, ChineseAmount.capital(new BigDecimal(amount)));
    }

    @ParameterizedTest
    @CsvSource({"0.001", "10000000000000000.00"})
    void refusesWhatNoCertificateCanPrint(String amount) {
        assertThrows(IllegalArgumentException.class, () -> ChineseAmount.capital(new BigDecimal(amount)));
    }
}
