package org.flexsi.simulators.agency;

/** A payment adds rights for the months paid; a reversal (after a refund) takes them back. */
public enum RecordKind {
    PAYMENT, REVERSAL
}
