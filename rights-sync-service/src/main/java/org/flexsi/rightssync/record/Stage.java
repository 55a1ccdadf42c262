package org.flexsi.rightssync.record;

/**
 * Where a record is on its way to the agency. OVERDUE is not a stage but a flag on an undecided
 * record (it may still be sent, acknowledged and confirmed late); {@link SyncRecord#status()} combines both.
 */
public enum Stage {
    PENDING, SENT, ACKNOWLEDGED, CONFIRMED, REJECTED;

    public boolean decided() {
        return this == CONFIRMED || this == REJECTED;
    }
}
