package org.flexsi.simulators.agency;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.callback.CallbackSender;
import org.flexsi.simulators.fault.FaultMode;
import org.flexsi.simulators.fault.Faults;

/** The pension and medical systems: they receive rights records, book each recordId once and decide later. */
public final class Agencies {
    static final String NOT_ENROLLED = "person not enrolled with this agency";

    private final Map<Party, Ledger> ledgers = new EnumMap<>(Party.class);
    private final Faults faults;
    private final CallbackSender callbacks;
    private final ScheduledExecutorService scheduler;
    private final Duration confirmationDelay;

    public Agencies(Faults faults, CallbackSender callbacks, ScheduledExecutorService scheduler,
            Duration confirmationDelay) {
        this.faults = faults;
        this.callbacks = callbacks;
        this.scheduler = scheduler;
        this.confirmationDelay = confirmationDelay;
        for (Party party : Party.values()) {
            if (party.isAgency()) {
                ledgers.put(party, new Ledger());
            }
        }
    }

    /** Books the new records and counts the resent ones; only new records are decided (and called back). */
    Receipt receive(Party agency, List<RightsRecord> records, URI callbackUrl) {
        return receive(agency, records, callbackUrl, null);
    }

    /** As above; {@code traceparent} (the delivery's, or null) goes back on the decision's callback of each new record. */
    Receipt receive(Party agency, List<RightsRecord> records, URI callbackUrl, String traceparent) {
        Ledger ledger = ledger(agency);
        List<String> accepted = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        for (RightsRecord record : records) {
            HeldRecord held = ledger.records.merge(record.recordId(),
                    new HeldRecord(agency, record, callbackUrl, RecordStatus.RECEIVED, null, null, null, 1),
                    (existing, fresh) -> existing.receivedAgain());
            if (held.timesReceived() == 1) {
                accepted.add(record.recordId());
                if (traceparent != null) {
                    ledger.traceparents.put(record.recordId(), traceparent);
                }
                scheduleDecision(agency, record.recordId());
            } else {
                duplicates.add(record.recordId());
            }
        }
        return new Receipt("RCPT-" + UUID.randomUUID(), accepted, duplicates);
    }

    public Optional<HeldRecord> held(Party agency, String recordId) {
        return Optional.ofNullable(ledger(agency).records.get(recordId));
    }

    /** Everything the agency holds, oldest paid first. */
    public List<HeldRecord> held(Party agency) {
        return ledger(agency).records.values().stream()
                .sorted(Comparator.comparing((HeldRecord h) -> h.record().paidAt()).thenComparing(HeldRecord::recordId))
                .toList();
    }

    private void scheduleDecision(Party agency, String recordId) {
        try {
            scheduler.schedule(() -> decide(agency, recordId), confirmationDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: the record stays RECEIVED, as in an agency that went away mid-batch
        }
    }

    private void decide(Party agency, String recordId) {
        Ledger ledger = ledger(agency);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // exactly one decision is scheduled per recordId (on first receipt), so no state check is needed
        HeldRecord decided = ledger.records.computeIfPresent(recordId, (id, held) -> {
            String personId = held.record().personId();
            boolean rejected = faults.use(agency, FaultMode.REJECT_PERSONS, f -> f.persons().contains(personId))
                    .isPresent();
            return rejected
                    ? held.decided(RecordStatus.REJECTED, null, NOT_ENROLLED, now)
                    : held.decided(RecordStatus.CONFIRMED, ledger.nextReference(agency), null, now);
        });
        if (decided != null && decided.callbackUrl() != null) {
            callbacks.send(agency, recordId, decided.callbackUrl(), Decision.of(decided), ledger.traceparents.get(recordId));
        }
    }

    private Ledger ledger(Party agency) {
        Ledger ledger = ledgers.get(agency);
        if (ledger == null) {
            throw new IllegalArgumentException(agency.id() + " is not an agency");
        }
        return ledger;
    }

    record Receipt(String receiptId, List<String> accepted, List<String> duplicates) {
    }

    /** The agency's verdict on one record: the callback body and part of the polling answer. */
    record Decision(String recordId, RecordStatus status, String agencyReference, String reason, Instant decidedAt) {

        static Decision of(HeldRecord held) {
            return new Decision(held.recordId(), held.status(), held.agencyReference(), held.reason(),
                    held.decidedAt());
        }
    }

    private static final class Ledger {
        private final Map<String, HeldRecord> records = new ConcurrentHashMap<>();
        /** By record id: the traceparent of the delivery that first brought it. */
        private final Map<String, String> traceparents = new ConcurrentHashMap<>();
        private final AtomicLong references = new AtomicLong();

        String nextReference(Party agency) {
            String prefix = agency == Party.PENSION ? "PEN" : "MED";
            return prefix + "-" + String.format("%06d", references.incrementAndGet());
        }
    }
}
