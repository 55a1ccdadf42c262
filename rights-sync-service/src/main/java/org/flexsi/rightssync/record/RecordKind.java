package org.flexsi.rightssync.record;

/** A payment adds rights for its months; a reversal takes back what a refund returned. */
public enum RecordKind {
    PAYMENT, REVERSAL
}
