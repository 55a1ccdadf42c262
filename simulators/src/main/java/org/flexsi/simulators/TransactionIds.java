package org.flexsi.simulators;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers a party's transactions so that ids stay unique across restarts: {@code <party>-<kind>-<run>-<seq>}, where the run
 * is the UTC time the numbering started to the millisecond ({@code yyMMddHHmmssSSS}) and the sequence counts from 1.
 * A restarted simulator starts a new run, so it never hands out {@code icbc-dd-...-00000001} twice.
 */
public final class TransactionIds {
    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    private final String party;
    private final String run;
    private final AtomicLong sequence = new AtomicLong();

    public TransactionIds(String party) {
        this(party, Instant.now());
    }

    public TransactionIds(String party, Instant startedAt) {
        this.party = party;
        this.run = RUN.format(startedAt);
    }

    /** The next id of this kind ({@code dd} a debit, {@code tr} a transfer, {@code tx} a payment...); one sequence for all. */
    public String next(String kind) {
        return party + "-" + kind + "-" + run + "-" + String.format("%08d", sequence.incrementAndGet());
    }
}
