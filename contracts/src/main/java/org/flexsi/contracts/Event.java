package org.flexsi.contracts;

/**
 * An event contract. Implementations are records whose JSON form is described by the schema
 * {@code contracts/events/<type>.json}; the methods here are routing facts, not payload.
 */
public interface Event {
    /** CloudEvents type, e.g. {@code org.flexsi.payment.succeeded.v1}. */
    String eventType();

    String topic();

    /** Kafka key: the person's id, so one person's events stay in order. */
    String partitionKey();

    /** CloudEvents subject. */
    default String subject() {
        return partitionKey();
    }
}
