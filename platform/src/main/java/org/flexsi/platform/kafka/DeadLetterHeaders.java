package org.flexsi.platform.kafka;

/**
 * The headers a parked record carries on its {@code .dlq} topic beside its original ones: the names SmallRye's
 * dead-letter strategy writes for a single record, so records parked by a channel and by the inbox's batches read alike.
 */
public final class DeadLetterHeaders {
    /** Every dead-letter header starts so; the others are the record's own. */
    public static final String PREFIX = "dead-letter-";
    public static final String REASON = PREFIX + "reason";
    public static final String EXCEPTION_CLASS_NAME = PREFIX + "exception-class-name";
    public static final String CAUSE = PREFIX + "cause";
    public static final String CAUSE_CLASS_NAME = PREFIX + "cause-class-name";
    /** The topic, partition and offset the record was read from. */
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";

    private DeadLetterHeaders() {
    }
}
