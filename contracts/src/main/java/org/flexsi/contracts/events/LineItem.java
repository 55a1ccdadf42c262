package org.flexsi.contracts.events;

import java.util.List;

/** One line of what is owed or paid: an insurance, its months, base, rate and amount (decimal strings). */
public record LineItem(String insurance, List<String> months, String base, String rate, String amount) {
}
