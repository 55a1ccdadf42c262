package org.flexsi.payment.batchdebit;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flexsi.payment.bank.BankCallException;
import org.flexsi.payment.bank.BankClient;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.ops.OpsIssue;
import org.flexsi.payment.ops.OpsIssues;
import org.flexsi.platform.problem.ProblemException;

/**
 * Sends each new debit batch to its bank and books the result file the bank answers with, away from the ops request
 * that made the batch (a million-line file takes minutes at the bank). A bank that is down, failing or too slow is
 * tried again later, waiting longer each time; the batch stays SEND meanwhile, so an outage loses nothing. The answer
 * is booked through {@link DebitService#bookSent}, the same booking as a handed-in result file: sending again after
 * a lost answer books nothing twice. Whichever instance claims a batch sends it; one without the file (the maker
 * died with its disk) writes it again from the database, and a file that comes out otherwise than recorded is
 * not sent but raised for ops.
 */
@ApplicationScoped
public class DebitSubmitter {
    private static final int PER_RUN = 10;

    private final EntityManager em;
    private final BankClient banks;
    private final DebitService debit;
    private final PaymentConfig config;
    private final OpsIssues issues;
    private final DebitFiles files;

    public DebitSubmitter(EntityManager em, BankClient banks, DebitService debit, PaymentConfig config, OpsIssues issues,
            DebitFiles files) {
        this.em = em;
        this.banks = banks;
        this.debit = debit;
        this.config = config;
        this.issues = issues;
        this.files = files;
    }

    private record Due(DebitFiles.BatchFile batch, int attempts, BigDecimal total) {
        UUID batchId() {
            return batch.batchId();
        }

        String bankId() {
            return batch.bankId();
        }
    }

    @Scheduled(every = "${flexsi.payment.debit.submit-every:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void submitDue() {
        if (config.debit().submitEnabled()) {
            due().forEach(this::submit);
        }
    }

    private List<Due> due() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select send_attempts, total, " + DebitFiles.BatchFile.COLUMNS
                    + " from debit_batch where submission = 'SEND' and (next_send_at is null or next_send_at <= ?1)"
                    + " order by created_at limit " + PER_RUN).setParameter(1, Instant.now()).getResultList();
            return rows.stream().map(r -> new Due(DebitFiles.BatchFile.of(r, 2), ((Number) r[0]).intValue(),
                    (BigDecimal) r[1])).toList();
        });
    }

    private void submit(Due due) {
        if (!claim(due)) {
            return;
        }
        Path file;
        try {
            file = files.ensure(due.batch());
        } catch (DebitBatchRunner.Differs e) {
            QuarkusTransaction.requiringNew().run(() -> issues.raise(OpsIssue.Kind.DEBIT_FILE_UNSENT, "BANK_DEBIT", null,
                    null, due.batchId().toString(), due.total(), null, "debit batch " + due.batchId() + " for "
                            + due.bankId() + " is not sent: " + e.getMessage() + "; its orders wait"));
            failed(due, e.getMessage(), false);
            return;
        } catch (RuntimeException e) {
            failed(due, "cannot write its file again: " + e.getMessage(), true);
            return;
        }
        byte[] answer;
        try {
            answer = banks.debit(due.bankId(), file);
        } catch (BankCallException e) {
            failed(due, e.getMessage(), e.retryable());
            return;
        }
        try {
            DebitBookingResponse booking = QuarkusTransaction.requiringNew()
                    .call(() -> debit.bookSent(due.batchId(), due.bankId(), answer));
            Log.infof("debit batch %s sent to %s: %d paid, %d not paid%s", due.batchId(), due.bankId(), booking.paid(),
                    booking.unpaid(), booking.alreadyBooked() ? " (result file booked before)" : "");
        } catch (ProblemException e) {
            failed(due, "the bank's result file cannot be booked: " + e.getMessage(), false);
        }
    }

    /**
     * Takes the batch for one attempt: pushes its next attempt past this attempt's own timeout, so a second instance
     * (or the next run) leaves it alone, and a crash during the send only delays it.
     */
    private boolean claim(Due due) {
        Instant now = Instant.now();
        Instant lease = now.plus(config.debit().bankTimeout()).plus(Duration.ofMinutes(1));
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update debit_batch"
                + " set send_attempts = send_attempts + 1, next_send_at = ?1 where id = ?2 and submission = 'SEND' and send_attempts = ?3")
                .setParameter(1, lease).setParameter(2, due.batchId()).setParameter(3, due.attempts()).executeUpdate() == 1);
    }

    private void failed(Due due, String error, boolean retryable) {
        int attempts = due.attempts() + 1;
        Instant next = retryable ? Instant.now().plus(backoff(config.debit().retryAfter(), config.debit().retryMax(), attempts)) : null;
        Log.warnf("debit batch %s for %s, attempt %d: %s; %s", due.batchId(), due.bankId(), attempts, error,
                retryable ? "next attempt at " + next : "not retried: ops must look");
        String detail = error.length() > 500 ? error.substring(0, 500) : error;
        QuarkusTransaction.requiringNew().run(() -> {
            if (retryable) {
                em.createNativeQuery("update debit_batch set next_send_at = ?1, last_error = ?2 where id = ?3 and submission = 'SEND'")
                        .setParameter(1, next).setParameter(2, detail).setParameter(3, due.batchId()).executeUpdate();
            } else {
                em.createNativeQuery("update debit_batch set submission = 'REFUSED', next_send_at = null, last_error = ?1"
                        + " where id = ?2 and submission = 'SEND'").setParameter(1, detail).setParameter(2, due.batchId())
                        .executeUpdate();
            }
        });
    }

    /** {@code first} after the first failure, doubled after each further one, never more than {@code max}. */
    static Duration backoff(Duration first, Duration max, int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
