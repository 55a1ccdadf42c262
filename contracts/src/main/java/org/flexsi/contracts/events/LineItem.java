package org.flexsi.contracts.events;

import java.util.List;

/**
 * One line of what is owed or paid: an insurance, its months, base, rate and amount (decimal strings).
 * {@code part} splits an insurance into items that must be booked together, such as Jinan's pooled-only
 * medical plan (unit part, personal part, mutual-aid fee; R9); null when the insurance is one line.
 */
public record LineItem(String insurance, List<String> months, String base, String rate, String amount, String part) {
}
