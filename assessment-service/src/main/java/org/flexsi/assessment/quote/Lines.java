package org.flexsi.assessment.quote;

import java.util.ArrayList;
import java.util.List;
import org.flexsi.assessment.calc.Line;
import org.flexsi.assessment.calc.Months;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.LineItem;

/** Calculator lines in the contract's shape: decimal strings, base with two places. */
public final class Lines {
    private Lines() {
    }

    public static List<LineItem> items(List<Line> lines) {
        List<LineItem> items = new ArrayList<>(lines.size());
        for (Line l : lines) {
            items.add(new LineItem(l.insurance().name(), Months.format(l.months()),
                    l.base() == null ? null : Money.text(l.base()),
                    l.rate() == null ? null : l.rate().toPlainString(), Money.text(l.amountFen()), l.part()));
        }
        return items;
    }
}
