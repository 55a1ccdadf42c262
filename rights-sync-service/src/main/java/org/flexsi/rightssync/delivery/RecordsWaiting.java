package org.flexsi.rightssync.delivery;

/**
 * Fired in a transaction that may have made records due (new records, a resend, a person now known): once it
 * commits, the senders look at once instead of at their next idle poll.
 */
public record RecordsWaiting() {
}
