package org.flexsi.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed settings of the payment service itself ({@code flexsi.payment.*}); bank secrets only from the environment. */
@ConfigMapping(prefix = "flexsi.payment")
public interface PaymentConfig {
    /** Per-bank HMAC secrets of the bank channel, by bank id (the X-Flexsi-Key-Id a bank signs with). */
    Map<String, String> bankSecrets();

    Orders orders();

    Debit debit();

    Refunds refunds();

    Metrics metrics();

    interface Metrics {
        /** How often the business gauges that need a query are read from the database (PaymentGauges). */
        @WithDefault("15s")
        Duration refreshEvery();
    }

    interface Orders {
        /** How long a QR code order may be paid. */
        @WithDefault("30m")
        Duration ttl();

        /** An order still PAYING after this long is asked about by the sweeper (R20). */
        @WithDefault("2m")
        Duration stuckAfter();

        /** How often the sweeper runs; read by its schedule. */
        @WithDefault("30s")
        Duration sweepEvery();

        /** Timeout of one call to a provider. */
        @WithDefault("5s")
        Duration providerTimeout();
    }

    interface Debit {
        /** Where debit files are written for the banks to fetch. */
        @WithDefault("${java.io.tmpdir}/flexsi-debit")
        String directory();

        /** R19: the batch of a month runs after this day of that month (Hubei: after the 20th). */
        @WithDefault("20")
        int afterDayOfMonth();

        /** Whether batches are sent to their bank; off, they wait (and their bank may still fetch them). */
        @WithDefault("true")
        boolean submitEnabled();

        /** How often the submitter looks for batches to send; read by its schedule. */
        @WithDefault("1m")
        Duration submitEvery();

        /** Wait after the first failed send; doubled after each further failure, up to {@link #retryMax()}. */
        @WithDefault("1m")
        Duration retryAfter();

        @WithDefault("1h")
        Duration retryMax();

        /** One send of a file, the bank deciding every line before it answers. */
        @WithDefault("10m")
        Duration bankTimeout();

        /** Banks that fetch their file and hand in their result themselves: nothing is sent to them. */
        Optional<Set<String>> pullBanks();
    }

    /** Paying approved and automatic refunds back (R25). */
    interface Refunds {
        /** The bank holding flexsi's collection account that refund transfers are paid from; signed with its bank secret. */
        @WithDefault("icbc")
        String payoutBank();

        /** How often the payout worker runs; read by its schedule. */
        @WithDefault("30s")
        Duration payoutEvery();

        /** Refunds paid out per run at most. */
        @WithDefault("20")
        int batch();

        /** Timeout of one transfer call to the payout bank (provider refunds use orders.provider-timeout). */
        @WithDefault("5s")
        Duration timeout();
    }
}
